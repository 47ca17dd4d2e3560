import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open-database.js';
import type { Db } from '../src/db/database.js';
import type { VeilleMatchState } from '../src/db/schema.js';
import { seededRandom } from '../src/markup/testdata/seeded-random.js';
import { loadDashboard } from '../src/veille/dashboard/load-dashboard.js';
import { parisDays, parisMidnight } from '../src/veille/dashboard/paris-clock.js';
import { fmt, median, medianRatio } from './stats.js';

// DASHBOARD_BENCH_ITEMS: a smaller archive for a quick try.
const ITEMS = Number(process.env.DASHBOARD_BENCH_ITEMS ?? 100_000);
const SOURCES = 300;
const WATCHES = 40;
const DAYS = 120;
const ROUNDS = 7;
const NOW = new Date('2026-11-29T12:00:00.000Z');
const STATES: readonly VeilleMatchState[] = ['new', 'to_handle', 'handled', 'ignored'];

/**
 * An archive of `ITEMS` items over `DAYS` days, each matched by one to three of the watches (skewed:
 * a few busy watches). Pessimistic on purpose: real watches match a small share of what arrives.
 */
async function fill(db: Db): Promise<number> {
  const random = seededRandom(11);
  const at = NOW.toISOString();
  const kinds = ['feed', 'feed', 'feed', 'mastodon', 'bluesky', 'reddit', 'youtube'] as const;
  await db.kysely.insertInto('veille_sources').values(Array.from({ length: SOURCES }, (_x, i) => ({
    url: `https://source-${i}.example/feed`, kind: kinds[i % kinds.length]!, title: `Source ${i}`, status: 'active' as const,
    next_check_at: at, error_count: 0, items_seen: 0, created_at: at,
  }))).execute();
  await db.kysely.insertInto('veille_watches').values(Array.from({ length: WATCHES }, (_x, i) => ({
    name: `Veille ${i}`, query: `mot${i}`, all_sources: 1, source_ids: '[]', source_kinds: '[]', created_at: at, updated_at: at, alert_email: 0,
  }))).execute();
  let matches = 0;
  for (let start = 0; start < ITEMS; start += 2000) {
    await db.kysely.transaction().execute(async (trx) => {
      const count = Math.min(2000, ITEMS - start);
      const group = await trx.insertInto('veille_groups').values({ size: 1, created_at: at }).returning('id').executeTakeFirstOrThrow();
      const created = Array.from({ length: count }, () => new Date(NOW.getTime() - random() * DAYS * 86_400_000).toISOString());
      const ids = [];
      for (let i = 0; i < count; i += 250) {
        const rows = await trx.insertInto('veille_items').values(created.slice(i, i + 250).map((c, k) => ({
          source_id: 1 + Math.floor(random() ** 2 * SOURCES), item_key: `k${start + i + k}`, guid: `g${start + i + k}`, title: 'Titre', plain_text: 'Texte',
          categories: '[]', enclosures: '[]', content_hash: `h${start + i + k}`, group_id: group.id, kept: 0, created_at: c, updated_at: c,
        }))).returning('id').execute();
        ids.push(...rows.map((r) => r.id));
      }
      const rows = ids.flatMap((itemId) => {
        const watches = new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => 1 + Math.floor(random() ** 3 * WATCHES)));
        return [...watches].map((watchId) => ({ watch_id: watchId, item_id: itemId, state: STATES[Math.floor(random() * 4)]!, matched_at: at, backfilled: 0 }));
      });
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('veille_matches').values(rows.slice(i, i + 200)).execute();
      matches += rows.length;
    });
  }
  return matches;
}

/** The cheapest read of the same rows: counting the period's matches, no bucketing nor grouping. */
async function baseline(db: Db, days: number): Promise<void> {
  const since = parisMidnight(parisDays(NOW, days)[0]!).toISOString();
  await sql`select count(*) from veille_matches m join veille_items i on i.id = m.item_id where i.created_at >= ${since}`.execute(db.kysely);
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** `npm run bench -- dashboard`: the dashboard's four aggregates over 30 and 90 days on SQLite, against a count of the same matches. */
export async function runDashboardBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-dashboard-'));
  const db = openDatabase({ sqliteFile: join(dir, 'relais.sqlite') });
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const matches = await fill(db);
    console.log(`\nTableau de bord de la veille (SQLite) : ${ITEMS.toLocaleString('fr-FR')} éléments sur ${DAYS} jours, ${matches.toLocaleString('fr-FR')} correspondances, ${WATCHES} veilles (${fmt((performance.now() - started) / 1000, 1)} s de préparation)`);
    for (const days of [30, 90] as const) {
      const page: number[] = [];
      const count: number[] = [];
      await loadDashboard(db, NOW, days);
      for (let round = 0; round < ROUNDS; round++) {
        page.push(await time(() => loadDashboard(db, NOW, days)));
        count.push(await time(() => baseline(db, days)));
      }
      console.log(`  ${days} jours : tableau de bord ${fmt(median(page), 1)} ms (médiane de ${ROUNDS}), comptage seul ${fmt(median(count), 1)} ms, rapport ${fmt(medianRatio(page, count), 1)}×`);
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

