import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { openRelais } from '../../main.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test-support/databases.js';
import { runRelaisCli } from '../../test-support/run-cli.js';
import { buildArticle } from '../../test-support/test-site.js';
import { FAKE_BLUESKY_ACCOUNT, startFakeBlueskyServer } from '../channels/testdata/fake-bluesky-server.js';
import { startFakeMastodonServer } from '../channels/testdata/fake-mastodon-server.js';
import { FAKE_TOKEN, type FakeNetworkServer } from '../channels/testdata/start-fake-network.js';
import { DEFAULT_TEMPLATE } from '../pages/save-page.js';
import { CLI_ACTOR } from '../relay-service.js';
import { startDelayingProxy } from '../testdata/delaying-proxy.js';

/** Articles relayed, each to both pages. */
const ARTICLES = 60;
/** The worker is killed once the networks hold this many posts… */
const POSTS_BEFORE_KILL = 30;
/** …while the answers to the latest ones are held this long by the proxies. */
const ANSWER_DELAY_MS = 400;

/** Two pages (Mastodon, with its Idempotency-Key; Bluesky, without) and every variant approved now. */
async function prepare(env: Record<string, string>, mastodon: string, bluesky: string): Promise<number> {
  const relais = await openRelais(parseConfig(env), { logger: createLogger({ level: 'silent' }) });
  try {
    await relais.relay.addPage({ network: 'mastodon', name: 'mastodon', audience: 'institution', instance: mastodon, token: FAKE_TOKEN, template: DEFAULT_TEMPLATE }, null);
    await relais.relay.addPage({ network: 'bluesky', name: 'bluesky', audience: 'jeunesse', instance: bluesky, accountId: FAKE_BLUESKY_ACCOUNT.handle, token: FAKE_TOKEN, template: { ...DEFAULT_TEMPLATE, useLead: false } }, null);
    let variants = 0;
    for (let i = 0; i < ARTICLES; i++) {
      const article = await relais.blog.createArticle({ userId: null }, buildArticle({ title: `Conseil municipal n° ${i} : « budget » 🎉`, lead: `Séance ${i}, à 18 h 30.` }));
      for (const drafted of await relais.relay.draftFromArticle(CLI_ACTOR, article.slug)) {
        await relais.relay.approve(CLI_ACTOR, drafted.variant.id);
        variants += 1;
      }
    }
    return variants;
  } finally {
    await relais.close();
  }
}

/** Starts `relais relay run --once` and SIGKILLs it once the networks hold `posts` posts. */
async function runAndKill(env: Record<string, string>, servers: readonly FakeNetworkServer[], posts: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'src/cli.ts'), 'relay', 'run', '--once'], {
    cwd: PACKAGE_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env }, stdio: 'ignore',
  });
  const exited = new Promise<string | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  const deadline = Date.now() + 120_000;
  while (servers.reduce((n, s) => n + s.posts.length, 0) < posts) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the worker ended before the kill (exit ${child.exitCode})`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
}

for (const dialect of DIALECTS) {
  describe(`relay outbox crash on ${dialect}`, () => {
    test('a worker killed mid-publishing, then restarted twice at once: every variant posted exactly once', { timeout: 300_000 }, async (t) => {
      const database: TestDatabase = await createTestDatabase(dialect);
      const mastodon = await startFakeMastodonServer();
      const bluesky = await startFakeBlueskyServer();
      const isPost = (method: string, path: string) => method === 'POST' && (path === '/api/v1/statuses' || path === '/xrpc/com.atproto.repo.createRecord');
      const proxies = await Promise.all([mastodon, bluesky].map((s) => startDelayingProxy(s.origin, ANSWER_DELAY_MS, isPost)));
      try {
        const env = { ...database.env, FETCH_ALLOW_HOSTS: '127.0.0.1' };
        const variants = await prepare(env, proxies[0]!.origin, proxies[1]!.origin);
        await runAndKill(env, [mastodon, bluesky], POSTS_BEFORE_KILL);
        const relais = await openRelais(parseConfig(env), { logger: createLogger({ level: 'silent' }) });
        try {
          const inFlight = await relais.db.kysely.selectFrom('relay_variants').select('id').where('state', '=', 'publishing').execute();
          assert.ok(inFlight.length > 0, 'the kill left variants in flight');
          // Two workers resume at once; each post must still go out once.
          const runs = await Promise.all([1, 2].map(() => runRelaisCli(['relay', 'run', '--once'], env)));
          for (const run of runs) assert.equal(run.code, 0, run.stderr);
          const states = await relais.db.kysely.selectFrom('relay_variants').select(['state', 'text']).execute();
          assert.deepEqual([...new Set(states.map((s) => s.state))], ['published']);
          assert.equal(states.length, variants);
          for (const server of [mastodon, bluesky]) {
            assert.equal(server.posts.length, variants / 2);
            assert.equal(new Set(server.posts.map((p) => p.text)).size, variants / 2, 'no text posted twice');
          }
          const found = await relais.db.kysely.selectFrom('relay_attempts').select('variant_id').where('outcome', '=', 'found').execute();
          assert.ok(found.length > 0, 'a post the network had taken before the kill was found, not sent again');
          t.diagnostic(`${inFlight.length} in flight at the kill, ${found.length} found on the network after the restart`);
        } finally {
          await relais.close();
        }
      } finally {
        await Promise.all(proxies.map((p) => p.close()));
        await mastodon.close();
        await bluesky.close();
        await database.drop();
      }
    });
  });
}
