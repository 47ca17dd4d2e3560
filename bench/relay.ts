import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open-database.js';
import { createLogger } from '../src/logger.js';
import type { ChannelAdapter } from '../src/relay/channels/channel-adapter.js';
import { createMastodonAdapter } from '../src/relay/channels/mastodon/mastodon-adapter.js';
import { FAKE_TOKEN } from '../src/relay/channels/testdata/start-fake-network.js';
import { publishDueVariants } from '../src/relay/outbox/publish-due-variants.js';
import { sealCredentials } from '../src/relay/pages/page-credentials.js';
import { insertPage } from '../src/relay/pages/page-store.js';
import { insertVariants } from '../src/relay/variants/variant-store.js';
import { createKeyring } from '../src/secrets/keyring.js';
import { createGuardedFetch } from '../src/veille/fetch/create-guarded-fetch.js';
import { fmt, median, medianRatio } from './stats.js';

const VARIANTS = Number(process.env.RELAY_BENCH_VARIANTS ?? 1_000);
const ROUNDS = Number(process.env.RELAY_BENCH_ROUNDS ?? 3);
/** The simulated limit of the rate-limited run: posts per second the fake instance accepts. */
const LIMIT_PER_SECOND = 100;
const LIMITED_VARIANTS = 300;
/**
 * Requests at once to the fake instance: a relay's pages live on several networks and
 * instances (the guarded client allows 2 per host), here all on 127.0.0.1.
 */
const PER_HOST = Number(process.env.RELAY_BENCH_PER_HOST ?? 8);

const keyring = createKeyring('bench-secret-key-0123456789abcdef0123456789abcdef');
const logger = createLogger({ level: 'silent' });

/** A fresh SQLite database with one Mastodon page and `count` variants approved and due now. */
async function seed(dir: string, instance: string, count: number): Promise<Db> {
  const db = openDatabase({ sqliteFile: join(dir, `relais-${randomUUID()}.sqlite`) });
  await migrateToLatest(db);
  const now = new Date();
  const page = (await insertPage(db.kysely, {
    network: 'mastodon', name: 'bench', audience: 'institution', instance, credentials: sealCredentials({ instance, accessToken: FAKE_TOKEN }, keyring).stored, token_hint: '',
    use_title: 1, use_lead: 1, use_link: 1, opening_line: '', hashtags: '', emoji_allowed: 1, utm_tags: 1, auto_draft: 0, auto_approve: 0, active: 1,
  }, now))!;
  for (let from = 0; from < count; from += 200) {
    const rows = await insertVariants(db.kysely, Array.from({ length: Math.min(200, count - from) }, (_, i) => ({
      pageId: page.id, articleId: null, text: `Conseil municipal n° ${from + i} : « budget » 🎉 https://www.ville-exemple.fr/article/conseil-${from + i}`,
      link: null, linkTitle: null, linkDescription: null, idempotencyKey: randomUUID(), createdBy: null,
    })), now);
    await db.kysely.updateTable('relay_variants').set({ state: 'scheduled', next_attempt_at: now.toISOString() })
      .where('id', 'in', rows.map((r) => r.id)).execute();
  }
  return db;
}

/** Runs the outbox until every variant is published (sleeping until the next due one); returns the seconds taken. */
async function drain(db: Db, adapter: ChannelAdapter, count: number): Promise<number> {
  const fetch = createGuardedFetch({ publicUrl: 'https://relais.test', allowHosts: ['127.0.0.1'], maxConcurrentPerHost: PER_HOST });
  const t0 = performance.now();
  let published = 0;
  while (published < count) {
    const outcomes = await publishDueVariants({ db, keyring, adapters: { mastodon: adapter }, fetch, now: () => new Date(), logger, batchSize: 64 });
    published += outcomes.filter((o) => o.outcome === 'published').length;
    if (outcomes.some((o) => o.outcome === 'failed')) throw new Error('a variant failed during the benchmark');
    if (published < count) {
      const next = await db.kysely.selectFrom('relay_variants').select((eb) => eb.fn.min('next_attempt_at').as('at')).where('state', '=', 'scheduled').executeTakeFirst();
      const wait = next?.at ? Date.parse(next.at) - Date.now() : 50;
      await new Promise((resolve) => setTimeout(resolve, Math.max(5, Math.min(wait, 2000))));
    }
  }
  return (performance.now() - t0) / 1000;
}

/** The same posts sent straight through the adapter, as many at once as the outbox's batch: no database at all. */
async function direct(adapter: ChannelAdapter, instance: string, count: number): Promise<number> {
  const fetch = createGuardedFetch({ publicUrl: 'https://relais.test', allowHosts: ['127.0.0.1'], maxConcurrentPerHost: PER_HOST });
  const t0 = performance.now();
  for (let from = 0; from < count; from += 64) {
    await Promise.all(Array.from({ length: Math.min(64, count - from) }, (_, i) => adapter.publish(
      { text: `Direct n° ${from + i} https://www.ville-exemple.fr/article/${from + i}` }, { instance, accessToken: FAKE_TOKEN }, { idempotencyKey: randomUUID(), fetch },
    )));
  }
  return (performance.now() - t0) / 1000;
}

/** Runs `work` against a fake Mastodon instance in its own process (`limit` posts a second at most, 0: none). */
async function withServer<T>(limit: number, work: (origin: string, posts: () => Promise<number>) => Promise<T>): Promise<T> {
  const child = fork(join(import.meta.dirname, 'relay-fake-network.ts'), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, RELAY_FAKE_LIMIT: String(limit) } });
  const next = () => new Promise<Record<string, unknown>>((resolve) => child.once('message', (m) => resolve(m as Record<string, unknown>)));
  const { origin } = await next() as { origin: string };
  try {
    return await work(origin, async () => {
      const answer = next();
      child.send('count');
      return (await answer).count as number;
    });
  } finally {
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.send('close');
    await gone;
  }
}

/**
 * Variants published per second through the outbox (claims, publication through the guarded
 * client, outcome recorded in a transaction) on SQLite, against the local fake Mastodon
 * instance; baseline: the same posts sent straight through the adapter. Then with the fake's
 * simulated rate limit on, where the figure should sit at the limit.
 */
export async function runRelayBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-relay-'));
  const adapter = createMastodonAdapter();
  try {
    const outbox: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await withServer(0, async (origin, posts) => {
        const db = await seed(dir, origin, VARIANTS);
        try {
          outbox.push(VARIANTS / await drain(db, adapter, VARIANTS));
          const received = await posts();
          if (received !== VARIANTS) throw new Error(`${received} posts for ${VARIANTS} variants`);
        } finally {
          await db.close();
        }
        baseline.push(VARIANTS / await direct(adapter, origin, VARIANTS));
      });
    }
    const limited = await withServer(LIMIT_PER_SECOND, async (origin, posts) => {
      const db = await seed(dir, origin, LIMITED_VARIANTS);
      try {
        const rate = LIMITED_VARIANTS / await drain(db, adapter, LIMITED_VARIANTS);
        const received = await posts();
        if (received !== LIMITED_VARIANTS) throw new Error(`${received} posts for ${LIMITED_VARIANTS} variants`);
        return rate;
      } finally {
        await db.close();
      }
    });
    console.log(`relay: outbox on SQLite to a local fake Mastodon instance in its own process (guarded client, ${PER_HOST} requests at once), medians of ${ROUNDS} rounds`);
    console.log(`  outbox, ${VARIANTS} variants                 ${fmt(median(outbox), 0)} variants/s  (goal ≥ 200/s)`);
    console.log(`  baseline: the same posts, adapter alone    ${fmt(median(baseline), 0)} posts/s  outbox/baseline ${fmt(medianRatio(outbox, baseline))}×`);
    console.log(`  rate limit of ${LIMIT_PER_SECOND}/s simulated, ${LIMITED_VARIANTS} variants  ${fmt(limited, 0)} variants/s  (${fmt(limited / LIMIT_PER_SECOND)}× the limit, every one posted once)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
