import { pick, seededRandom } from '../src/markup/testdata/seeded-random.js';
import { FRENCH_NEWS } from '../src/veille/dedupe/testdata/french-news.js';
import { compileWatchQuery } from '../src/veille/match/compile-watch-query.js';
import { createWatchIndex } from '../src/veille/match/create-watch-index.js';
import { Lexicon } from '../src/veille/match/lexicon.js';
import type { MatchableItem } from '../src/veille/match/matchable-item.js';
import { parseWatchQuery } from '../src/veille/match/parse-watch-query.js';
import { prepareItem } from '../src/veille/match/prepared-item.js';
import { naiveTreeLoop } from './naive-watch-loop.js';
import { cpuMsSince, fmt, median, medianRatio } from './stats.js';
import { drawRank, zipfCumulative } from './zipf.js';

const SIZES = [1_000, 10_000, 100_000] as const;
const ITEMS = 2_000;
const WORDS_PER_ITEM = 80;
const TITLE_WORDS = 8;
const VOCABULARY = 30_000;
/**
 * Watch writers name places, people, bodies and subjects, not « le »,
 * « pour » or « commune »: watch terms are drawn evenly from the
 * vocabulary's tail, from this rank on (each term in 0.4 % to 0.03 % of
 * items), so that a watch matches a few items a day, not one in a hundred.
 */
const FIRST_WATCH_RANK = 2_000;
/** One watch in so many has no required word (`NOT x` alone): checked on every item, matching nearly all. */
const UNANCHORED_EVERY = 10_000;
const ROUNDS = 3;
/** The naive loop checks every watch: at 100,000 watches it runs on fewer items. */
const NAIVE_ITEMS: Readonly<Record<number, number>> = { 1_000: 2_000, 10_000: 500, 100_000: 100 };
const SYLLABLES = [...'bcdfglmnprstv'].flatMap((c) => ['a', 'e', 'é', 'i', 'o', 'ou', 'u', 'an', 'on'].map((v) => c + v)).concat(['char', 'mont', 'vil', 'gny', 'ton', 'ier', 'çon', 'bourg', 'eau']);
const ENDINGS = ['', '', '', 's', 'e', 'es', 'ent', 'ion', 'ions', 'eur', 'eurs', 'age', 'é', 'ée'];
const PUNCTUATION = [' ', ' ', ' ', ' ', ' ', ' ', ', ', '. ', ' : ', ' (', ') ', ' « ', ' » '];

/**
 * A French news vocabulary by rank: the words of the news corpus first (as
 * written: accents, elisions, capitals; most frequent first), then made-up
 * words with French endings for the long tail (places, names, subjects).
 */
function vocabulary(): string[] {
  const counts = new Map<string, number>();
  for (const raw of FRENCH_NEWS.join(' ').split(/\s+/)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word !== '') counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const words = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const seen = new Set(words);
  const random = seededRandom(7);
  while (words.length < VOCABULARY) {
    let word = '';
    for (let i = 0, n = 3 + Math.floor(random() * 2); i < n; i++) word += pick(random, SYLLABLES);
    word += pick(random, ENDINGS);
    if (!seen.has(word)) { seen.add(word); words.push(word); }
  }
  return words;
}

/** News-like items: 80 words drawn by Zipf frequency with punctuation, the first eight as the title. */
function generateItems(words: readonly string[], random: () => number): MatchableItem[] {
  const cumulative = zipfCumulative(words.length);
  return Array.from({ length: ITEMS }, () => {
    const drawn = Array.from({ length: WORDS_PER_ITEM }, () => words[drawRank(cumulative, random)]!);
    let text = '';
    for (let i = TITLE_WORDS; i < drawn.length; i++) text += (i > TITLE_WORDS ? pick(random, PUNCTUATION) : '') + drawn[i];
    return { title: drawn.slice(0, TITLE_WORDS).join(' '), text, lang: 'fr', site: 'www.exemple.fr', source: ['Exemple', 'feed'] };
  });
}

/** Watches as people write them: mostly AND of two or three words, then OR, phrases, NEAR, prefixes, NOT, a field. */
function generateWatches(words: readonly string[], count: number, random: () => number): string[] {
  const term = () => words[FIRST_WATCH_RANK + Math.floor(random() * (words.length - FIRST_WATCH_RANK))]!;
  const prefix = () => {
    const word = term();
    return /^\p{L}{6,}$/u.test(word) ? `${word.slice(0, word.length - 2)}*` : word;
  };
  return Array.from({ length: count }, (_, i) => {
    if (i % UNANCHORED_EVERY === UNANCHORED_EVERY - 1) return `NOT ${term()}`;
    const roll = random();
    if (roll < 0.3) return `${term()} ${pick(random, ['', 'ET ', 'AND '])}${term()}${random() < 0.3 ? ` ${term()}` : ''}`;
    if (roll < 0.45) return `${term()} OR ${term()}${random() < 0.5 ? ` OU ${term()}` : ''}`;
    if (roll < 0.6) return `"${term()} ${term()}"`;
    if (roll < 0.7) return `${pick(random, ['NEAR', 'ONEAR'])}/${1 + Math.floor(random() * 8)}(${term()}, ${term()})`;
    if (roll < 0.8) return random() < 0.5 ? prefix() : `${prefix()} ${term()}`;
    if (roll < 0.9) return `${term()} ${pick(random, ['NOT', 'SAUF', '-'])}${pick(random, [term(), `(${term()} OR ${term()})`])}`.replace('- ', '-');
    if (roll < 0.95) return `title:${term()} ${term()}`;
    return term();
  });
}

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  return cpuMsSince(start);
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

interface Setup {
  readonly size: number;
  readonly index: ReturnType<typeof createWatchIndex>;
  readonly indexBytes: number;
  /** The engine's compiled checks run on every watch: no presearcher. */
  readonly compiledLoop: (item: MatchableItem) => number[];
  /** A parsed-tree walk over every watch, as a first implementation would do. */
  readonly treeLoop: (item: MatchableItem) => number[];
  readonly naiveItems: readonly MatchableItem[];
  readonly matchesPerItem: number;
}

function setUp(words: readonly string[], items: readonly MatchableItem[], size: number): Setup {
  const queries = generateWatches(words, size, seededRandom(size)).map(parseWatchQuery);
  const before = heapAfterGc();
  const index = createWatchIndex();
  queries.forEach((query, id) => index.set(id, query));
  const indexBytes = heapAfterGc() - before;
  const lexicon = new Lexicon();
  const compiled = queries.map((query) => compileWatchQuery(query, lexicon).matches);
  const compiledLoop = (item: MatchableItem) => {
    const prepared = prepareItem(lexicon, item);
    const matched: number[] = [];
    compiled.forEach((matches, id) => { if (matches(prepared)) matched.push(id); });
    return matched;
  };
  const treeLoop = naiveTreeLoop(queries);
  const naiveItems = items.slice(0, NAIVE_ITEMS[size] ?? ITEMS);
  let matches = 0;
  for (const item of naiveItems) {
    const expected = JSON.stringify(treeLoop(item));
    matches += index.match(item).length;
    if (JSON.stringify(index.match(item)) !== expected || JSON.stringify(compiledLoop(item)) !== expected) {
      throw new Error(`match bench: the index and the naive loops disagree at ${size} watches`);
    }
  }
  return { size, index, indexBytes, compiledLoop, treeLoop, naiveItems, matchesPerItem: matches / naiveItems.length };
}

/** Items per second of `match` over `items`, in CPU time. */
function rate(items: readonly MatchableItem[], match: (item: MatchableItem) => unknown): number {
  return items.length / (cpuMs(() => { for (const item of items) match(item); }) / 1000);
}

/**
 * `npm run bench -- match`: items per second through the watch index at
 * 1,000, 10,000 and 100,000 generated watches, against two naive loops
 * that check every watch on each item, measured in the same run (each
 * round measures every size in turn, so that a burst of load on this
 * shared machine weighs on all alike): the engine's compiled checks
 * without the presearcher, and a parsed-tree walk. Also the heap the index
 * takes (delta after gc; `npm run bench` runs node with --expose-gc).
 */
export async function runMatchBench(): Promise<void> {
  const words = vocabulary();
  const items = generateItems(words, seededRandom(11));
  console.log(`match: ${ITEMS} generated items of ${WORDS_PER_ITEM} words (vocabulary ${VOCABULARY}, Zipf), median CPU time of ${ROUNDS} rounds`);
  const setups = SIZES.map((size) => setUp(words, items, size));
  const indexed = setups.map((): number[] => []);
  const compiled = setups.map((): number[] => []);
  const tree = setups.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    setups.forEach((setup, i) => {
      indexed[i]!.push(rate(items, setup.index.match));
      compiled[i]!.push(rate(setup.naiveItems, setup.compiledLoop));
      tree[i]!.push(rate(setup.naiveItems, setup.treeLoop));
    });
  }
  setups.forEach((setup, i) => {
    console.log(`  ${String(setup.size).padStart(7)} watches  index ${fmt(median(indexed[i]!), 0).padStart(8)} items/s`
      + `   every watch, compiled ${fmt(median(compiled[i]!), 0).padStart(6)} items/s (ratio ${fmt(medianRatio(indexed[i]!, compiled[i]!), 1)}×)`
      + `   every watch, tree walk ${fmt(median(tree[i]!), 0).padStart(6)} items/s (ratio ${fmt(medianRatio(indexed[i]!, tree[i]!), 1)}×)`
      + `   ${fmt(setup.matchesPerItem, 1)} matches/item   index ${fmt(setup.indexBytes / 1e6, 1)} MB`);
  });
  const fall = medianRatio(indexed[0]!, indexed.at(-1)!);
  const at10k = SIZES.indexOf(10_000);
  console.log(`  goals: at 10,000 watches ≥ 50× naive (compiled checks ${fmt(medianRatio(indexed[at10k]!, compiled[at10k]!), 1)}×, tree walk ${fmt(medianRatio(indexed[at10k]!, tree[at10k]!), 1)}×);`
    + ` from ${SIZES[0]} to ${SIZES.at(-1)} watches throughput falls ≤ 3× (${fmt(fall, 2)}×); index at ${SIZES.at(-1)} ≤ 500 MB (${fmt(setups.at(-1)!.indexBytes / 1e6, 1)} MB)`);
}
