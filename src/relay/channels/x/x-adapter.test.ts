import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createXAdapter } from './x-adapter.js';
import { channelTestFetch, expectChannelError, TINY_PNG } from '../testdata/channel-test-fetch.js';
import { FAKE_X_CLIENT_ID, FAKE_X_REFRESH_TOKEN, FAKE_X_USER, startFakeXServer } from '../testdata/fake-x-server.js';
import { FAKE_TOKEN, type FakeNetworkServer } from '../testdata/start-fake-network.js';

describe('X adapter against a local API v2', () => {
  const adapter = createXAdapter();
  const fetch = channelTestFetch(400);
  let server: FakeNetworkServer;
  before(async () => {
    server = await startFakeXServer();
  });
  after(() => server.close());
  const credentials = () => ({ instance: server.origin, accessToken: FAKE_TOKEN });

  test('names the account from users/me', async () => {
    assert.equal((await adapter.verifyCredentials(credentials(), { fetch })).accountName, `@${FAKE_X_USER.username}`);
  });

  test('creates a post with POST /2/tweets and the bearer token', async () => {
    const text = 'Collecte des sapins & branches <2 m> du 2 au 15 janvier 🎄 https://www.ville-exemple.fr/actualites/sapins';
    const posted = await adapter.publish({ text }, credentials(), { idempotencyKey: 'x1', fetch });
    const request = server.requests.at(-1);
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, '/2/tweets');
    assert.equal(request?.headers.authorization, `Bearer ${FAKE_TOKEN}`);
    assert.deepEqual(request?.body, { text });
    assert.equal(posted.remoteId, server.posts.at(-1)?.id);
    assert.equal(posted.url, `https://x.com/i/web/status/${posted.remoteId}`);
    assert.equal((await adapter.findRecentPost(text, credentials(), { fetch }))?.remoteId, posted.remoteId, 'found though X shows the link as t.co');
  });

  test('uploads images, sets their alt text, then attaches them', async () => {
    const media = [{ bytes: TINY_PNG, mimeType: 'image/png', alt: 'Un sapin devant la mairie', fileName: 'sapin.png' }];
    await adapter.publish({ text: 'Avec une image', media }, credentials(), { idempotencyKey: 'x2', fetch });
    const upload = server.requests.find((request) => request.path === '/2/media/upload');
    assert.equal((upload?.body as { media_category?: string }).media_category, 'tweet_image');
    const metadata = server.requests.find((request) => request.path === '/2/media/metadata');
    const id = (metadata?.body as { id: string }).id;
    assert.deepEqual(metadata?.body, { id, metadata: { alt_text: { text: 'Un sapin devant la mairie' } } });
    assert.deepEqual(server.requests.at(-1)?.body, { text: 'Avec une image', media: { media_ids: [id] } });
  });

  test('a duplicate is refused with X’s reason; a 429 gives x-rate-limit-reset as retryAt', async () => {
    const duplicate = await expectChannelError(adapter.publish({ text: 'Avec une image' }, credentials(), { idempotencyKey: 'x3', fetch }), 'rejected');
    assert.equal(duplicate.networkMessage, 'You are not allowed to create a Tweet with duplicate content.');
    server.failNext('rate-limited');
    const limited = await expectChannelError(adapter.publish({ text: 'Limité' }, credentials(), { idempotencyKey: 'x4', fetch }), 'rate_limited');
    // The fake's 429 resets a minute later, in epoch seconds.
    const reset = Math.ceil((Date.now() + 60_000) / 1000);
    assert.ok(Math.abs(Date.parse(limited.retryAt ?? '') / 1000 - reset) <= 2, limited.retryAt);
  });

  test('renews an expired token with the refresh token, hands the new credentials back, and survives X’s rotation', async () => {
    const stale = { instance: server.origin, accessToken: 'jeton-expire', refreshToken: FAKE_X_REFRESH_TOKEN, clientId: FAKE_X_CLIENT_ID };
    const posted = await adapter.publish({ text: 'Après renouvellement' }, stale, { idempotencyKey: 'x5', fetch });
    const renewed = posted.refreshedCredentials;
    assert.equal(renewed?.accessToken, 'fake-x-access-token-1');
    assert.equal(renewed?.refreshToken, 'fake-x-refresh-token-1');
    assert.ok(Date.parse(renewed?.['expiresAt'] ?? '') > Date.now() + 7000_000);
    const token = server.requests.find((request) => request.path === '/2/oauth2/token');
    assert.deepEqual(token?.body, { grant_type: 'refresh_token', refresh_token: FAKE_X_REFRESH_TOKEN, client_id: FAKE_X_CLIENT_ID });
    // The spent refresh token is refused by X now, yet a retry with the old credentials still posts.
    const again = await adapter.publish({ text: 'Avec les anciens identifiants' }, stale, { idempotencyKey: 'x6', fetch });
    assert.equal(again.refreshedCredentials?.accessToken, 'fake-x-access-token-1');
    assert.equal(server.requests.filter((request) => request.path === '/2/oauth2/token').length, 1);
  });

  test('renews before sending when the stored expiry has passed; a spent refresh token is auth', async () => {
    const expiring = { instance: server.origin, accessToken: FAKE_TOKEN, refreshToken: 'fake-x-refresh-token-1', clientId: FAKE_X_CLIENT_ID, expiresAt: '2026-01-01T00:00:00.000Z' };
    const account = await createXAdapter().verifyCredentials(expiring, { fetch });
    assert.equal(account.refreshedCredentials?.accessToken, 'fake-x-access-token-2');
    assert.equal(account.expiresAt, account.refreshedCredentials?.['expiresAt']);
    const spent = await expectChannelError(createXAdapter().verifyCredentials(expiring, { fetch }), 'auth');
    assert.equal(spent.networkMessage, 'Value passed for the token was invalid.');
  });
});
