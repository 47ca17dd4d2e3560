import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open-database.js';
import type { Db } from '../src/db/database.js';
import { pick, seededRandom } from '../src/markup/testdata/seeded-random.js';
import { FRENCH_NEWS } from '../src/veille/dedupe/testdata/french-news.js';
import { searchArchive } from '../src/veille/search/search-archive.js';
import { fmt, median } from './stats.js';
import { drawRank, zipfCumulative } from './zipf.js';

// SEARCH_BENCH_ITEMS: a smaller corpus for a quick try (its own cache file).
const ITEMS = Number(process.env.SEARCH_BENCH_ITEMS ?? 1_000_000);
const SOURCES = 500;
const WORDS_PER_ITEM = 80;
const TITLE_WORDS = 8;
const VOCABULARY = 40_000;
const QUERIES = 100;
const CACHE_DIR = join(import.meta.dirname, '.cache');
const CACHE_FILE = join(CACHE_DIR, `search-${ITEMS}.sqlite`);
const START = Date.parse('2025-06-01T00:00:00Z');
const SYLLABLES = ['ba', 'cé', 'di', 'fo', 'gu', 'la', 'mè', 'ni', 'po', 'ru', 'sa', 'té', 'vi', 'zo', 'char', 'mont', 'vil', 'gny', 'ton', 'ier', 'çon', 'ville', 'bourg', 'eau'];

/**
 * A French-like vocabulary by rank: the words of the French news corpus first (articles and
 * everyday words, most frequent), then made-up words (places, names, subjects) for the long tail.
 */
function vocabulary(): string[] {
  const counts = new Map<string, number>();
  for (const word of FRENCH_NEWS.join(' ').toLowerCase().split(/[^\p{L}]+/u)) if (word.length > 1) counts.set(word, (counts.get(word) ?? 0) + 1);
  const words = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const seen = new Set(words);
  const random = seededRandom(7);
  while (words.length < VOCABULARY) {
    let word = '';
    for (let i = 0, n = 2 + Math.floor(random() * 3); i < n; i++) word += pick(random, SYLLABLES);
    if (!seen.has(word)) { seen.add(word); words.push(word); }
  }
  return words;
}

/**
 * Writes the corpus once: Relais's own schema (migrations, so the FTS5 index is filled by its
 * triggers as in production), then `ITEMS` items of `WORDS_PER_ITEM` words from 500 sources, one
 * every 30 seconds. Written to a temporary name and renamed at the end: an interrupted run is
 * never taken for a finished corpus.
 */
async function generateCorpus(words: readonly string[], cumulative: Float64Array): Promise<void> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const partial = `${CACHE_FILE}.partial`;
  rmSync(partial, { force: true });
  const db = openDatabase({ sqliteFile: partial });
  await migrateToLatest(db);
  await db.close();
  const sqlite = new SQLite(partial);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  // FTS5 merges its segments as it grows: a large page cache keeps those merges off the disk.
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('temp_store = MEMORY');
  const addSource = sqlite.prepare(`insert into veille_sources (url, kind, title, status, next_check_at, created_at, error_count, items_seen)
    values (?, 'feed', ?, 'active', ?, ?, 0, 0)`);
  const addItem = sqlite.prepare(`insert into veille_items (source_id, item_key, guid, link, title, plain_text, categories, enclosures,
    content_hash, kept, published_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, '[]', '[]', ?, 0, ?, ?, ?)`);
  const random = seededRandom(ITEMS);
  const started = Date.now();
  sqlite.transaction(() => {
    for (let s = 1; s <= SOURCES; s++) addSource.run(`https://source-${s}.exemple.fr/flux`, `Source ${s}`, new Date(START).toISOString(), new Date(START).toISOString());
  })();
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const text: string[] = [];
      for (let w = 0; w < WORDS_PER_ITEM; w++) text.push(words[drawRank(cumulative, random)]!);
      const at = new Date(START + n * 30_000).toISOString();
      const guid = `item-${n}`;
      addItem.run(1 + (n % SOURCES), guid, guid, `https://source-${1 + (n % SOURCES)}.exemple.fr/${n}`, text.slice(0, TITLE_WORDS).join(' '),
        text.join(' '), `h${n}`, at, at, at);
    }
  });
  for (let from = 0; from < ITEMS; from += 10_000) {
    batch(from, Math.min(ITEMS, from + 10_000));
    if ((from / 10_000) % 10 === 9) process.stdout.write(`\r  generating the corpus: ${from + 10_000} items (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  sqlite.close();
  renameSync(partial, CACHE_FILE);
  console.log(`\n  corpus generated in ${Math.round((Date.now() - started) / 1000)} s: ${CACHE_FILE}`);
}

/**
 * 100 queries drawn by term frequency: a third single common words (ranks 30–300 of the corpus,
 * function words aside: each in tens of thousands of items), a third words of middle frequency,
 * a third rare words; one query in four pairs its word with a second, common one.
 */
function drawQueries(words: readonly string[]): string[] {
  const random = seededRandom(42);
  const rank = (lo: number, hi: number) => words[lo + Math.floor(random() * (hi - lo))]!;
  return Array.from({ length: QUERIES }, (_, i) => {
    const band = i % 3;
    const word = band === 0 ? rank(30, 300) : band === 1 ? rank(300, 5_000) : rank(5_000, VOCABULARY);
    return random() < 0.25 ? `${word} ${rank(30, 300)}` : word;
  });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The naive newest-first: every matching row found, then sorted by publication date (what an index on rank gives). */
async function searchSortingAll(db: Db, word: string): Promise<number> {
  const rows = await sql<{ id: number }>`select i.id from veille_items_fts f join veille_items i on i.id = f.rowid
    where veille_items_fts match ${`"${word}"`} order by i.published_at desc limit 50`.execute(db.kysely);
  return rows.rows.length;
}

/**
 * `npm run bench -- search`: search latency over 1,000,000 stored items on SQLite (generated once
 * into bench/.cache/), 100 queries drawn by term frequency, newest first, 50 results, through
 * `searchArchive` (the screen's path); against the same queries answered by sorting every match.
 * Goal: 95th percentile ≤ 50 ms.
 */
export async function runSearchBench(): Promise<void> {
  const words = vocabulary();
  const cumulative = zipfCumulative(words.length);
  if (!existsSync(CACHE_FILE)) await generateCorpus(words, cumulative);
  const db = openDatabase({ sqliteFile: CACHE_FILE });
  try {
    const queries = drawQueries(words);
    for (const query of queries.slice(0, 10)) await searchArchive(db, query, 1); // warm the page cache
    const latencies: number[] = [];
    const byBand: number[][] = [[], [], []];
    let results = 0;
    for (const [i, query] of queries.entries()) {
      const start = process.hrtime.bigint();
      results += (await searchArchive(db, query, 1)).hits.length;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      latencies.push(ms);
      byBand[i % 3]!.push(ms);
    }
    const baseline: number[] = [];
    const same: number[] = [];
    for (const [i, query] of queries.entries()) {
      if (i % 3 !== 0 || query.includes(' ')) continue;
      const start = process.hrtime.bigint();
      await searchSortingAll(db, query);
      baseline.push(Number(process.hrtime.bigint() - start) / 1e6);
      same.push(latencies[i]!);
    }
    const p95 = percentile(latencies, 95);
    console.log(`search: ${ITEMS} items on SQLite, ${QUERIES} queries by term frequency, newest first, 50 per page (${results} results)`);
    console.log(`  all queries             median ${fmt(median(latencies))} ms   p95 ${fmt(p95)} ms   max ${fmt(Math.max(...latencies))} ms   goal p95 ≤ 50 ms: ${p95 <= 50 ? 'met' : 'NOT met'}`);
    for (const [band, label] of ['common words', 'middle words', 'rare words'].entries()) {
      console.log(`  ${label.padEnd(22)}  median ${fmt(median(byBand[band]!))} ms   p95 ${fmt(percentile(byBand[band]!, 95))} ms`);
    }
    console.log(`  common words, sorting every match (baseline): median ${fmt(median(baseline))} ms, against ${fmt(median(same))} ms walking the index backwards: ratio ${fmt(median(baseline) / median(same), 1)}×`);
  } finally {
    await db.close();
  }
}
