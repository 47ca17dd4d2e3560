import { seededRandom, pick } from '../src/markup/testdata/seeded-random.js';
import { hammingDistance } from '../src/veille/dedupe/hamming-distance.js';
import { sameItemKey } from '../src/veille/dedupe/same-item-key.js';
import { SIMILAR_DISTANCE } from '../src/veille/dedupe/similar-distance.js';
import { simhash, type SimHash } from '../src/veille/dedupe/simhash.js';
import { StoryGrouper } from '../src/veille/dedupe/story-grouper.js';
import { FRENCH_NEWS } from '../src/veille/dedupe/testdata/french-news.js';
import type { FeedEntry } from '../src/veille/parse/parsed-feed.js';
import type { NormalizedItem } from '../src/veille/normalize/normalized-item.js';
import { normalizeItem } from '../src/veille/normalize/normalize-item.js';
import { cpuMsSince, median } from './stats.js';

const ITEMS = 50_000;
const BASELINE_ITEMS = 5_000;
const ROUNDS = 3;
const NOW = new Date('2026-11-29T12:00:00Z');
const COMMON_WORDS = [...new Set(FRENCH_NEWS.join(' ').split(/\s+/))];
const SYLLABLES = ['ba', 'ce', 'di', 'fo', 'gu', 'la', 'me', 'ni', 'po', 'ru', 'sa', 'te', 'vi', 'zo', 'char', 'mont', 'vil', 'gny', 'ton', 'ier'];

/** A made-up place or subject name: each story gets its own, as real stories have their own subjects. */
function topicalWord(random: () => number): string {
  let word = '';
  for (let i = 0, count = 2 + Math.floor(random() * 3); i < count; i++) word += pick(random, SYLLABLES);
  return word;
}

/**
 * `count` feed entries as a watch sees them: about one story in three told
 * by two to four sources (same text under another address, or a word
 * rewritten), links carrying campaign tags, HTML content of 60 to 180 words
 * mixing the corpus's everyday words with thirty words of the story's own.
 */
function generateEntries(count: number): FeedEntry[] {
  const random = seededRandom(count);
  const entries: FeedEntry[] = [];
  for (let story = 0; entries.length < count; story++) {
    const topic = Array.from({ length: 30 }, () => topicalWord(random));
    const words = Array.from({ length: 60 + Math.floor(random() * 120) }, () =>
      random() < 0.6 ? pick(random, COMMON_WORDS) : pick(random, topic),
    );
    const tellings = random() < 0.33 ? 2 + Math.floor(random() * 3) : 1;
    for (let telling = 0; telling < tellings && entries.length < count; telling++) {
      const told = [...words];
      if (telling > 0 && random() < 0.5) told[Math.floor(random() * told.length)] = pick(random, COMMON_WORDS);
      entries.push({
        id: `tag:source-${telling}.fr,2026:${story}`,
        link: `https://source-${telling}.fr/actu/${story}.html?xtor=RSS-${telling}&utm_source=rss`,
        title: told.slice(0, 8).join(' '),
        published: '2026-11-28T08:00:00Z',
        content: `<p>${told.slice(0, 40).join(' ')}</p><p>${told.slice(40).join(' ')}&nbsp;!</p>`,
        categories: ['Actualité', 'actualité'],
      });
    }
  }
  return entries;
}

function normalizeAll(entries: readonly FeedEntry[]): NormalizedItem[] {
  return entries.map((entry, i) => normalizeItem(entry, { id: `source-${i % 50}` }, { now: NOW }));
}

/** The indexed way: each item through `StoryGrouper`. Returns each item's group. */
function groupIndexed(items: readonly NormalizedItem[]): number[] {
  const grouper = new StoryGrouper();
  return items.map((item) => grouper.add({ ...item, key: sameItemKey(item) }));
}

/** The naive way: each item's fingerprint compared with every earlier item's (same rules, no link or text index). */
function groupAllPairs(items: readonly NormalizedItem[]): number[] {
  const hashes: SimHash[] = [];
  const groups: number[] = [];
  let next = 0;
  for (const item of items) {
    const hash = simhash(item.plainText);
    let group: number | undefined;
    let best = SIMILAR_DISTANCE + 1;
    for (let j = 0; j < hashes.length; j++) {
      const distance = hammingDistance(hash, hashes[j]!);
      if (distance < best) [best, group] = [distance, groups[j]];
    }
    hashes.push(hash);
    groups.push(group ?? next++);
  }
  return groups;
}

/** CPU milliseconds spent by `run` (user + system: steadier than wall time on a shared machine). */
function cpuMs<T>(run: () => T): { ms: number; result: T } {
  const start = process.cpuUsage();
  const result = run();
  return { ms: cpuMsSince(start), result };
}

/**
 * `npm run bench -- dedupe`: items per second through normalisation and
 * story grouping on 50,000 generated items, against a naive all-pairs
 * grouping measured on 5,000 and scaled to 50,000 (its comparisons grow as
 * the square of the count, its normalisation linearly); then grouping alone,
 * on items normalised beforehand, the same two ways.
 */
export async function runDedupeBench(): Promise<void> {
  const entries = generateEntries(ITEMS);
  const baselineEntries = entries.slice(0, BASELINE_ITEMS);
  const items = normalizeAll(entries);
  const baselineItems = items.slice(0, BASELINE_ITEMS);
  const full: number[] = [];
  const groupOnly: number[] = [];
  const normalizeOnly: number[] = [];
  const allPairs: number[] = [];
  let groupCount = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const run = cpuMs(() => groupIndexed(normalizeAll(entries)));
    full.push(run.ms);
    groupCount = new Set(run.result).size;
    groupOnly.push(cpuMs(() => groupIndexed(items)).ms);
    normalizeOnly.push(cpuMs(() => normalizeAll(baselineEntries)).ms);
    allPairs.push(cpuMs(() => groupAllPairs(baselineItems)).ms);
  }
  // All pairs at 50,000: normalisation grows with the count, comparisons with its square.
  const scale = ITEMS / BASELINE_ITEMS;
  const normalizeMs = median(normalizeOnly);
  const allPairsMs = median(allPairs);
  const scaledPairsMs = allPairsMs * scale * scale;
  const scaledFullMs = normalizeMs * scale + scaledPairsMs;
  const rate = (count: number, ms: number): string => `${Math.round(count / (ms / 1000))} items/s`.padEnd(16);
  const stories = new Set(entries.map((entry) => entry.id?.split(':').at(-1))).size;
  console.log(`dedupe: ${ITEMS} generated items telling ${stories} stories, ${groupCount} found, median CPU time of ${ROUNDS} rounds`);
  console.log(`  normalise + group (bands), ${ITEMS}          ${rate(ITEMS, median(full))} (${(median(full) / 1000).toFixed(2)} s)`);
  console.log(`  normalise + all pairs, ${BASELINE_ITEMS} (baseline)    ${rate(BASELINE_ITEMS, normalizeMs + allPairsMs)}`);
  console.log(`  normalise + all pairs, scaled to ${ITEMS}    ${rate(ITEMS, scaledFullMs)} (${(scaledFullMs / 1000).toFixed(1)} s)  ratio ${(scaledFullMs / median(full)).toFixed(1)}×`);
  console.log(`  grouping alone (bands), ${ITEMS}             ${rate(ITEMS, median(groupOnly))} (${(median(groupOnly) / 1000).toFixed(2)} s)`);
  console.log(`  grouping alone (all pairs), scaled to ${ITEMS} ${rate(ITEMS, scaledPairsMs)} (${(scaledPairsMs / 1000).toFixed(1)} s)  ratio ${(scaledPairsMs / median(groupOnly)).toFixed(1)}×`);
  const same = JSON.stringify(groupIndexed(baselineItems)) === JSON.stringify(groupAllPairs(baselineItems));
  console.log(`  same groups as all pairs on ${BASELINE_ITEMS} items: ${same ? 'yes' : 'NO'}`);
}
