import { STOP_WORDS } from '../normalize/stop-words.js';
import { stemFrenchWord } from './stem-french-word.js';
import type { WatchField, WatchQuery, WatchTerm } from './watch-query.js';

/** The word lists the index keeps: `title:` words are looked up among the text's (the title is part of it), then verified. */
export type AnchorGroup = 'text' | 'author' | 'site' | 'lang' | 'source';

/** A stem, or a prefix of a folded word, that an item must contain in a field for the watch to match it. */
export interface Anchor {
  readonly group: AnchorGroup;
  readonly kind: 'stem' | 'prefix';
  readonly value: string;
}

interface Requirement {
  readonly anchors: readonly Anchor[];
  /** Guess of how many items hold one of the anchors: the lower, the fewer candidates. */
  readonly cost: number;
}

const FRENCH_STOP_STEMS: ReadonlySet<string> = new Set((STOP_WORDS['fr'] ?? []).map(stemFrenchWord));

function groupOf(field: WatchField): AnchorGroup {
  return field === 'title' ? 'text' : field;
}

/** Longer words are rarer (as Luwak's default term weighting assumes); function words and the small fields (`lang:fr`) are common. */
function stemCost(group: AnchorGroup, stem: string): number {
  if (group === 'lang') return 500;
  if (group !== 'text') return 100;
  return FRENCH_STOP_STEMS.has(stem) ? 1000 : 64 / Math.max(stem.length, 1);
}

function termRequirement(term: WatchTerm): Requirement {
  const group = groupOf(term.field);
  switch (term.kind) {
    case 'word': {
      const stem = stemFrenchWord(term.word);
      return { anchors: [{ group, kind: 'stem', value: stem }], cost: stemCost(group, stem) };
    }
    case 'phrase': {
      // The phrase's rarest word: an item with the phrase holds that word, hence its stem.
      let best: Requirement | undefined;
      for (const word of term.words) {
        const stem = stemFrenchWord(word);
        const cost = stemCost(group, stem);
        if (best === undefined || cost < best.cost) best = { anchors: [{ group, kind: 'stem', value: stem }], cost };
      }
      return best!;
    }
    case 'prefix':
      return { anchors: [{ group, kind: 'prefix', value: term.prefix }], cost: 20 + 128 / term.prefix.length };
    default: {
      const unknown: never = term;
      return unknown;
    }
  }
}

function union(requirements: readonly Requirement[]): Requirement {
  return { anchors: requirements.flatMap((r) => r.anchors), cost: requirements.reduce((sum, r) => sum + r.cost, 0) };
}

function cheapest(requirements: readonly (Requirement | null)[]): Requirement | null {
  let best: Requirement | null = null;
  for (const r of requirements) if (r !== null && (best === null || r.cost < best.cost)) best = r;
  return best;
}

function requirement(query: WatchQuery): Requirement | null {
  switch (query.kind) {
    case 'word':
    case 'phrase':
    case 'prefix':
      return termRequirement(query);
    case 'near':
      return cheapest([union(query.left.map(termRequirement)), union(query.right.map(termRequirement))]);
    case 'and':
      return cheapest(query.children.map(requirement));
    case 'or': {
      const branches = query.children.map(requirement);
      return branches.some((b) => b === null) ? null : union(branches as Requirement[]);
    }
    case 'not':
      return null;
    default: {
      const unknown: never = query;
      return unknown;
    }
  }
}

/**
 * The presearcher's key for a watch, in the manner of Lucene Monitor /
 * Luwak: anchors such that any item the query matches holds at least one
 * (the rarest-looking required term of each AND, every branch of an OR),
 * or `null` when there are none (`NOT sport` alone, `a OR NOT b`): such a
 * watch is checked against every item.
 *
 * @example
 * watchAnchors(parseWatchQuery('budget AND (conseil OR mairie)')); // [{ group: 'text', kind: 'stem', value: 'budget' }]
 * watchAnchors(parseWatchQuery('NOT sport')); // null
 */
export function watchAnchors(query: WatchQuery): readonly Anchor[] | null {
  const found = requirement(query);
  if (found === null) return null;
  const seen = new Set<string>();
  return found.anchors.filter((a) => {
    const key = `${a.group}\u0000${a.kind}\u0000${a.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
