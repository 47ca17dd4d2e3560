import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMastodonAdapter } from './mastodon-adapter.js';
import { exchangeMastodonCode, mastodonAuthorizeUrl, registerMastodonApp } from './mastodon-oauth.js';
import { channelTestFetch, expectChannelError, TINY_PNG } from '../testdata/channel-test-fetch.js';
import { FAKE_MASTODON_CODE, startFakeMastodonServer } from '../testdata/fake-mastodon-server.js';
import { FAKE_TOKEN, field, type FakeNetworkServer } from '../testdata/start-fake-network.js';

describe('Mastodon adapter against a local instance', () => {
  const adapter = createMastodonAdapter({ mediaPollMs: 5 });
  const fetch = channelTestFetch(400);
  let server: FakeNetworkServer;
  before(async () => {
    server = await startFakeMastodonServer();
  });
  after(() => server.close());
  const credentials = () => ({ instance: `${server.origin}/`, accessToken: FAKE_TOKEN });
  const text = 'Budget participatif 2027 : votez avant le 15 décembre ! https://www.ville-exemple.fr/budget-participatif-2027';

  test('registers an app, builds the authorize URL and exchanges the code, all on the page’s instance', async () => {
    const app = await registerMastodonApp(server.origin, 'https://www.ville-exemple.fr/admin/relais/oauth', fetch);
    const authorize = new URL(mastodonAuthorizeUrl(app, 'etat-123'));
    assert.equal(authorize.origin + authorize.pathname, `${server.origin}/oauth/authorize`);
    assert.equal(authorize.searchParams.get('client_id'), 'fake-client-id');
    assert.equal(authorize.searchParams.get('response_type'), 'code');
    assert.equal(authorize.searchParams.get('state'), 'etat-123');
    assert.equal(await exchangeMastodonCode(app, FAKE_MASTODON_CODE, fetch), FAKE_TOKEN);
    const registered = server.requests.find((request) => request.path === '/api/v1/apps');
    assert.equal(field(registered?.body, 'scopes'), 'read:accounts read:statuses write:statuses write:media');
    await expectChannelError(exchangeMastodonCode(app, 'mauvais-code', fetch), 'rejected');
  });

  test('reads the instance’s own limits from /api/v2/instance', async () => {
    assert.deepEqual(await adapter.readLimits?.(credentials(), { fetch }), { maxLength: 500, maxMedia: 6, maxAltLength: 1000 });
    assert.deepEqual(adapter.limits(), { maxLength: 500, maxMedia: 4, maxAltLength: 1500 });
    assert.equal(server.requests.at(-1)?.headers.authorization, undefined, 'a public endpoint, asked without the token');
  });

  test('verifies the token and names the account with its instance', async () => {
    const account = await adapter.verifyCredentials(credentials(), { fetch });
    assert.equal(account.accountName, `@mairie@${new URL(server.origin).host}`);
  });

  test('posts a status with the bearer token, the Idempotency-Key and the visibility', async () => {
    const posted = await adapter.publish({ text, visibility: 'unlisted' }, credentials(), { idempotencyKey: 'variante-1', fetch });
    const request = server.requests.at(-1);
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, '/api/v1/statuses');
    assert.equal(request?.headers.authorization, `Bearer ${FAKE_TOKEN}`);
    assert.equal(request?.headers['idempotency-key'], 'variante-1');
    assert.deepEqual(request?.body, { status: text, visibility: 'unlisted', language: 'fr' });
    assert.equal(posted.remoteId, server.posts.at(-1)?.id);
    assert.equal(posted.url, `https://mastodon.exemple.fr/@mairie/${posted.remoteId}`);
  });

  test('a retry with the same key returns the same status instead of posting twice', async () => {
    const before = server.posts.length;
    const first = await adapter.publish({ text: 'Une seule fois' }, credentials(), { idempotencyKey: 'variante-2', fetch });
    const again = await adapter.publish({ text: 'Une seule fois' }, credentials(), { idempotencyKey: 'variante-2', fetch });
    assert.equal(again.remoteId, first.remoteId);
    assert.equal(server.posts.length, before + 1);
  });

  test('uploads images with their alt text, waits while the instance answers 206, then attaches them', async () => {
    const media = [{ bytes: TINY_PNG, mimeType: 'image/png', alt: 'La façade de la mairie au printemps', fileName: 'mairie.png' }];
    const posted = await adapter.publish({ text: 'Avec une image', media }, credentials(), { idempotencyKey: 'variante-3', fetch });
    const upload = server.requests.find((request) => request.path === '/api/v2/media');
    assert.equal(field(upload?.body, 'description'), 'La façade de la mairie au printemps');
    assert.equal((upload?.body as { file?: number }).file, TINY_PNG.length);
    assert.ok(server.requests.some((request) => request.path.startsWith('/api/v1/media/')), 'the media was polled');
    const post = server.posts.find((candidate) => candidate.id === posted.remoteId);
    assert.equal(post?.mediaIds.length, 1);
  });

  test('finds a post already made from its text, links and white space rewritten by the instance', async () => {
    await adapter.publish({ text: `Conseil municipal\n\nCe soir à 18 h. ${text}` }, credentials(), { idempotencyKey: 'variante-4', fetch });
    const found = await adapter.findRecentPost(`Conseil municipal\n\nCe soir à 18 h. ${text}`, credentials(), { fetch });
    assert.equal(found?.remoteId, server.posts.at(-1)?.id);
    assert.equal(await adapter.findRecentPost('Jamais publié', credentials(), { fetch }), undefined);
  });

  test('maps the instance’s refusals to what the outbox must do', async () => {
    const post = (key: string) => adapter.publish({ text: 'Essai' }, credentials(), { idempotencyKey: key, fetch });
    server.failNext('rate-limited');
    const limited = await expectChannelError(post('e1'), 'rate_limited');
    assert.ok(limited.retryAt !== undefined && Date.parse(limited.retryAt) > Date.now());
    server.failNext('expired-token');
    const expired = await expectChannelError(post('e2'), 'auth');
    assert.equal(expired.networkMessage, 'The access token is invalid');
    server.failNext('server-error');
    await expectChannelError(post('e3'), 'unavailable');
    const before = server.posts.length;
    server.failNext('timeout-after-post');
    await expectChannelError(post('e4'), 'unknown_outcome');
    assert.equal(server.posts.length, before + 1, 'the post was made though the answer never came');
    const tooLong = await expectChannelError(adapter.publish({ text: 'x'.repeat(501) }, credentials(), { idempotencyKey: 'e5', fetch }), 'rejected');
    assert.match(tooLong.message, /Mastodon a refusé la publication.*character limit of 500/);
    await expectChannelError(adapter.verifyCredentials({ instance: server.origin, accessToken: 'révoqué' }, { fetch }), 'auth');
  });
});
