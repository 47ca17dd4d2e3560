import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../../test-support/databases.js';
import { buildArticle, startTestSite, type TestSite } from '../../test-support/test-site.js';
import { createLogger } from '../../logger.js';
import { createKeyring } from '../../secrets/keyring.js';
import { createChannels } from '../channels/channels.js';
import { FAKE_BLUESKY_ACCOUNT, startFakeBlueskyServer } from '../channels/testdata/fake-bluesky-server.js';
import { FAKE_X_CLIENT_ID, FAKE_X_REFRESH_TOKEN, startFakeXServer } from '../channels/testdata/fake-x-server.js';
import { FAKE_TOKEN } from '../channels/testdata/start-fake-network.js';
import { openCredentials, sealCredentials } from '../pages/page-credentials.js';
import { getPage, updatePage } from '../pages/page-store.js';
import { DEFAULT_TEMPLATE } from '../pages/save-page.js';
import { CLI_ACTOR, createRelayService } from '../relay-service.js';
import { startRelayTestKit } from '../testdata/relay-test-kit.js';
import { claimDueVariants, recordAttempts } from './outbox-store.js';

/** A relay over `site` with its own adapters: a fresh registry is a new process (no session in memory). */
function freshRelay(site: TestSite) {
  return createRelayService({
    db: site.relais.db, keyring: createKeyring(site.relais.secretKey), adapters: createChannels(), fetch: site.relais.fetchResource,
    now: site.relais.now, publicUrl: 'http://relais.test', logger: createLogger({ level: 'silent' }),
  });
}

async function approveOne(relay: ReturnType<typeof freshRelay>, site: TestSite, page: string, title: string): Promise<number> {
  const article = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title }));
  const [drafted] = await relay.draftFromArticle(CLI_ACTOR, article.slug, [page]);
  await relay.approve(CLI_ACTOR, drafted!.variant.id);
  return drafted!.variant.id;
}

/** What a test of X renewals starts from: a fake X, and an X page connected with a refresh token, as after « Connecter ». */
interface ConnectedX {
  readonly site: TestSite;
  readonly x: Awaited<ReturnType<typeof startFakeXServer>>;
  readonly keyring: ReturnType<typeof createKeyring>;
  readonly first: ReturnType<typeof freshRelay>;
  readonly pageId: number;
}

async function withConnectedXPage(dialect: (typeof DIALECTS)[number], run: (ctx: ConnectedX) => Promise<void>): Promise<void> {
  const site = await startTestSite(dialect, { FETCH_ALLOW_HOSTS: '127.0.0.1' });
  const x = await startFakeXServer();
  try {
    const keyring = createKeyring(site.relais.secretKey);
    const first = freshRelay(site);
    const { page } = await first.addPage({ network: 'x', name: 'x-ville', audience: 'Tous', instance: x.origin, token: FAKE_TOKEN, template: DEFAULT_TEMPLATE }, null);
    const connected = { instance: x.origin, accessToken: FAKE_TOKEN, refreshToken: FAKE_X_REFRESH_TOKEN, clientId: FAKE_X_CLIENT_ID };
    await updatePage(site.relais.db.kysely, page.id, { credentials: sealCredentials(connected, keyring).stored }, site.relais.now());
    await run({ site, x, keyring, first, pageId: page.id });
  } finally {
    await x.close();
    await site.close();
  }
}

for (const dialect of DIALECTS) {
  describe(`relay renewed credentials on ${dialect}`, () => {
    test('X: a token renewed while publishing is stored encrypted, and a new process posts with it', { timeout: 60_000 }, async () => {
      await withConnectedXPage(dialect, async ({ site, x, keyring, first, pageId }) => {
        const db = site.relais.db.kysely;

        await approveOne(first, site, 'x-ville', 'Marché de Noël sur la place');
        x.failNext('expired-token');
        assert.deepEqual((await first.publishDue()).map((o) => o.outcome), ['published']);
        const stored = (await getPage(db, pageId))!.credentials;
        assert.ok(stored.startsWith('v1.'));
        assert.ok(!stored.includes('fake-x-refresh-token-1') && !stored.includes('fake-x-access-token-1'), 'stored encrypted');
        const renewed = openCredentials(stored, keyring);
        assert.equal(renewed.refreshToken, 'fake-x-refresh-token-1');
        assert.equal(renewed.accessToken, 'fake-x-access-token-1');

        // A new process: nothing in memory, the stored token posts; when it expires, the stored refresh token renews it.
        const second = freshRelay(site);
        await approveOne(second, site, 'x-ville', 'Collecte des sapins en janvier');
        assert.deepEqual((await second.publishDue()).map((o) => o.outcome), ['published']);
        assert.equal(x.posts[1]!.request.headers.authorization, 'Bearer fake-x-access-token-1');
        const third = freshRelay(site);
        await approveOne(third, site, 'x-ville', 'Vœux du maire à la salle des fêtes');
        x.failNext('expired-token');
        assert.deepEqual((await third.publishDue()).map((o) => o.outcome), ['published']);
        const renewals = x.requests.filter((r) => r.path === '/2/oauth2/token');
        assert.equal((renewals.at(-1)!.body as Record<string, string>)['refresh_token'], 'fake-x-refresh-token-1');
        assert.equal(x.posts[2]!.request.headers.authorization, 'Bearer fake-x-access-token-2');
        assert.equal(openCredentials((await getPage(db, pageId))!.credentials, keyring).refreshToken, 'fake-x-refresh-token-2');

        // « Vérifier la connexion » in yet another process: an expired token is renewed and stored too.
        const expired = { ...openCredentials((await getPage(db, pageId))!.credentials, keyring), expiresAt: '2026-01-01T00:00:00.000Z' };
        await updatePage(db, pageId, { credentials: sealCredentials(expired, keyring).stored }, site.relais.now());
        assert.equal(await freshRelay(site).verifyPage(pageId), undefined);
        assert.equal(openCredentials((await getPage(db, pageId))!.credentials, keyring).refreshToken, 'fake-x-refresh-token-3');
        assert.equal(x.posts.length, 3);
      });
    });

    test('X: a token renewed just before a refusal (rate limit) is stored all the same', { timeout: 60_000 }, async () => {
      await withConnectedXPage(dialect, async ({ site, x, keyring, first, pageId }) => {
        const db = site.relais.db.kysely;
        await approveOne(first, site, 'x-ville', 'Inscriptions à la cantine');
        x.failNext('expired-token');
        x.failNext('rate-limited');
        assert.deepEqual((await first.publishDue()).map((o) => o.outcome), ['retry']);
        assert.equal(openCredentials((await getPage(db, pageId))!.credentials, keyring).refreshToken, 'fake-x-refresh-token-1');
        // After a restart, once the limit has passed, the stored token posts.
        site.setNow(new Date(Date.now() + 3600_000));
        assert.deepEqual((await freshRelay(site).publishDue()).map((o) => o.outcome), ['published']);
        assert.equal(x.posts[0]!.request.headers.authorization, 'Bearer fake-x-access-token-1');
      });
    });

    test('Bluesky: the session opened while publishing is stored, a new process reuses it', { timeout: 60_000 }, async () => {
      const site = await startTestSite(dialect, { FETCH_ALLOW_HOSTS: '127.0.0.1' });
      const bluesky = await startFakeBlueskyServer();
      try {
        const keyring = createKeyring(site.relais.secretKey);
        const first = freshRelay(site);
        const account = { instance: bluesky.origin, accountId: FAKE_BLUESKY_ACCOUNT.handle, accessToken: FAKE_TOKEN };
        const { page } = await first.addPage({ network: 'bluesky', name: 'bsky', audience: 'Tous', instance: bluesky.origin, accountId: account.accountId, token: FAKE_TOKEN, template: DEFAULT_TEMPLATE }, null);
        // The check on saving stored a session already; start again from the app password alone.
        await updatePage(site.relais.db.kysely, page.id, { credentials: sealCredentials(account, keyring).stored }, site.relais.now());
        await approveOne(first, site, 'bsky', 'Fermeture de la piscine');
        assert.deepEqual((await first.publishDue()).map((o) => o.outcome), ['published']);
        const session = openCredentials((await getPage(site.relais.db.kysely, page.id))!.credentials, keyring);
        assert.ok(session['accessJwt'] && session.refreshToken);
        const opened = () => bluesky.requests.filter((r) => r.path === '/xrpc/com.atproto.server.createSession').length;
        const before = opened();
        const second = freshRelay(site);
        await approveOne(second, site, 'bsky', 'Réouverture de la piscine');
        assert.deepEqual((await second.publishDue()).map((o) => o.outcome), ['published']);
        assert.equal(opened(), before, 'no new session: the stored one was used');
      } finally {
        await bluesky.close();
        await site.close();
      }
    });

    test('renewed credentials are stored only under the claim, and never over credentials changed meanwhile', async () => {
      const kit = await startRelayTestKit(dialect);
      try {
        const db = kit.site.relais.db;
        const keyring = createKeyring(kit.site.relais.secretKey);
        const pageId = await kit.addPage('m');
        for (const title of ['Travaux rue des Lilas', 'Travaux rue des Roses']) {
          const article = await kit.addArticle(title);
          const [drafted] = await kit.relay.draftFromArticle(CLI_ACTOR, article.slug, ['m']);
          await kit.relay.approve(CLI_ACTOR, drafted!.variant.id);
        }
        const [a, b] = await claimDueVariants(db, 'ici:1:w', kit.site.relais.now(), new Date(Date.now() + 600_000), 10);
        const from = (await getPage(db.kysely, pageId))!.credentials;
        const seal = (token: string) => sealCredentials({ instance: 'https://mastodon.exemple.fr', accessToken: token }, keyring).stored;
        const published = { kind: 'published', remoteId: '1', url: undefined, found: false } as const;
        // Another worker's claim: nothing is written.
        const stolen = { variant: { ...a!, claimed_by: 'ailleurs:2:w' }, outcome: published, credentials: { pageId, from, to: seal('jeton-vole-0000') } };
        assert.deepEqual(await recordAttempts(db.kysely, [stolen], kit.site.relais.now()), [false]);
        assert.equal((await getPage(db.kysely, pageId))!.credentials, from);
        // Our claim: written; then a renewal that started from the old credentials does not overwrite it.
        assert.deepEqual(await recordAttempts(db.kysely, [
          { variant: a!, outcome: published, credentials: { pageId, from, to: seal('jeton-renouvele-1111') } },
          { variant: b!, outcome: published, credentials: { pageId, from, to: seal('jeton-ancien-2222') } },
        ], kit.site.relais.now()), [true, true]);
        assert.equal(openCredentials((await getPage(db.kysely, pageId))!.credentials, keyring).accessToken, 'jeton-renouvele-1111');
      } finally {
        await kit.close();
      }
    });
  });
}
