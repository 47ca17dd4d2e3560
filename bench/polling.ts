import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open-database.js';
import { createGuardedFetch } from '../src/veille/fetch/create-guarded-fetch.js';
import { startRouteServer } from '../src/veille/fetch/testdata/start-route-server.js';
import { pollDueSources, type PollSummary } from '../src/veille/sources/poll-due-sources.js';
import { addSource } from '../src/veille/sources/store.js';
import { buildRss } from '../src/veille/sources/testdata/build-rss.js';
import { fmt } from './stats.js';

const SOURCES = 5_000;
const ITEMS_PER_FEED = 5;
/** One source in ten publishes between two rounds; the others answer 304. */
const CHANGING_EVERY = 10;
const DAY_MS = 86_400_000;

function feedBody(source: number, round: number): string {
  const entries = Array.from({ length: ITEMS_PER_FEED }, (_, i) => {
    const n = round + i;
    return { guid: `s${source}-${n}`, title: `Nouvelle ${n} de la source ${source}`, link: `https://source-${source}.fr/actu/${n}`,
      description: `Le conseil de la commune ${source} a examiné le point ${n} de son ordre du jour.`, published: new Date(Date.UTC(2026, 10, 1) + n * 3_600_000).toISOString() };
  });
  return buildRss(`Source ${source}`, entries);
}

/**
 * A full polling cycle of 5,000 sources served by a local server, on SQLite: a first round where
 * every feed is new (5 items each), then a round where nine in ten answer 304 and one in ten has
 * a new item. Baseline: the same 5,000 conditional requests through the guarded client alone.
 * Per-host concurrency is raised to 16, as 5,000 real sources live on many hosts, not one.
 */
export async function runPollingBench(): Promise<void> {
  const rounds = new Map<number, number>();
  const etagOf = (source: number) => `"${source}-${rounds.get(source) ?? 0}"`;
  const server = await startRouteServer({
    '/feed': (request, response) => {
      const source = Number(new URL(request.url ?? '', 'http://x').searchParams.get('s'));
      if (request.headers['if-none-match'] === etagOf(source)) response.writeHead(304).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml', etag: etagOf(source) }).end(feedBody(source, rounds.get(source) ?? 0));
    },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-bench-polling-'));
  const db = openDatabase({ sqliteFile: join(dataDir, 'relais.sqlite') });
  try {
    await migrateToLatest(db);
    const start = new Date('2026-11-29T12:00:00Z');
    for (let s = 0; s < SOURCES; s++) await addSource(db.kysely, { url: server.url(`/feed?s=${s}`), kind: 'feed' }, start);
    const fetchResource = createGuardedFetch({ publicUrl: 'https://relais.test', allowHosts: ['127.0.0.1'], maxConcurrentPerHost: 16 });
    const round = async (now: Date): Promise<{ ms: number; summary: PollSummary }> => {
      const t0 = performance.now();
      const summary = await pollDueSources({ db, fetchResource, now: () => now });
      return { ms: performance.now() - t0, summary };
    };
    const cold = await round(start);
    for (let s = 0; s < SOURCES; s += CHANGING_EVERY) rounds.set(s, 1);
    // A day later every source is due again (the longest interval is 24 hours).
    const warm = await round(new Date(start.getTime() + DAY_MS + 60_000));

    const t0 = performance.now();
    await Promise.all(Array.from({ length: SOURCES }, (_, s) => fetchResource(server.url(`/feed?s=${s}`), { etag: etagOf(s) })));
    const baselineMs = performance.now() - t0;
    const peakMb = process.resourceUsage().maxRSS / 1024;

    const line = (name: string, r: { ms: number; summary: PollSummary }) =>
      `  ${name.padEnd(34)} ${fmt(r.ms / 1000)} s  ${fmt(SOURCES / (r.ms / 1000), 0)} sources/s  (${r.summary.polled} polled, ${r.summary.newItems} new items, ${r.summary.unchanged} unchanged, ${r.summary.errors} errors)`;
    console.log(`polling: ${SOURCES} sources on a local server, SQLite`);
    console.log(line('cold round (every feed new)', cold));
    console.log(line('warm round (9 in 10 answer 304)', warm));
    console.log(`  baseline: ${SOURCES} conditional fetches alone  ${fmt(baselineMs / 1000)} s  warm round ratio ${fmt(warm.ms / baselineMs, 1)}×`);
    console.log(`  peak memory of the process (max RSS)  ${fmt(peakMb, 0)} MB`);
  } finally {
    await db.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
