import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createBlueskyAdapter } from './bluesky-adapter.js';
import { channelTestFetch, expectChannelError, TINY_PNG } from '../testdata/channel-test-fetch.js';
import { FAKE_BLUESKY_ACCOUNT, startFakeBlueskyServer, type FakeBlueskyServer } from '../testdata/fake-bluesky-server.js';
import { FAKE_TOKEN } from '../testdata/start-fake-network.js';
import type { ChannelCredentials } from '../channel-adapter.js';

describe('Bluesky adapter against a local PDS', () => {
  const adapter = createBlueskyAdapter();
  const fetch = channelTestFetch(400);
  let server: FakeBlueskyServer;
  before(async () => {
    server = await startFakeBlueskyServer();
  });
  after(() => server.close());
  const password = (): ChannelCredentials => ({ instance: server.origin, accountId: FAKE_BLUESKY_ACCOUNT.handle, accessToken: FAKE_TOKEN });
  const ctx = (key: string) => ({ idempotencyKey: key, fetch });
  const link = 'https://www.ville-exemple.fr/actualites/2027/fete-de-la-musique';

  test('creates a session from the app password and returns it to be stored, with the refresh expiry', async () => {
    const account = await adapter.verifyCredentials(password(), { fetch });
    assert.equal(account.accountName, '@mairie.bsky.social');
    assert.ok(account.expiresAt !== undefined && Date.parse(account.expiresAt) > Date.now() + 80 * 86_400_000);
    assert.equal(account.refreshedCredentials?.['did'], FAKE_BLUESKY_ACCOUNT.did);
    assert.ok(account.refreshedCredentials?.['accessJwt']);
    const login = server.requests.find((request) => request.path === '/xrpc/com.atproto.server.createSession');
    assert.deepEqual(login?.body, { identifier: 'mairie.bsky.social', password: FAKE_TOKEN });
    const refused = await expectChannelError(adapter.verifyCredentials({ ...password(), accessToken: 'mauvais-mot-de-passe' }, { fetch }), 'auth');
    assert.match(refused.message, /mot de passe d’application/);
    assert.equal(refused.networkMessage, 'Invalid identifier or password');
  });

  test('posts a record whose link facet points at the full URL on UTF-8 byte offsets, with a link card', async () => {
    const text = `Fête de la musique 🎶 : « venez nombreux » ! ${link} #Musique`;
    const media = [{ bytes: TINY_PNG, mimeType: 'image/png', alt: 'Scène place de la mairie', fileName: 'scene.png' }];
    const posted = await adapter.publish({ text, link, linkTitle: 'Fête de la musique', linkDescription: 'Le programme', media }, password(), ctx('v1'));
    const request = server.requests.find((candidate) => candidate.path === '/xrpc/com.atproto.repo.createRecord');
    assert.match(String(request?.headers.authorization), /^Bearer ey/);
    const record = (request?.body as { record: { text: string; facets: { index: { byteStart: number; byteEnd: number }; features: { uri?: string; tag?: string }[] }[]; embed: { $type: string; external: { uri: string; thumb?: { ref: unknown } } } } }).record;
    assert.equal(record.text, 'Fête de la musique 🎶 : « venez nombreux » ! www.ville-exemple.fr/actualites/2... #Musique');
    const bytes = Buffer.from(record.text);
    const [linkFacet, tagFacet] = record.facets;
    assert.equal(bytes.subarray(linkFacet?.index.byteStart, linkFacet?.index.byteEnd).toString(), 'www.ville-exemple.fr/actualites/2...');
    assert.equal(linkFacet?.features[0]?.uri, link);
    assert.equal(bytes.subarray(tagFacet?.index.byteStart, tagFacet?.index.byteEnd).toString(), '#Musique');
    assert.equal(tagFacet?.features[0]?.tag, 'Musique');
    assert.equal(record.embed.$type, 'app.bsky.embed.external');
    assert.equal(record.embed.external.uri, link);
    assert.ok(record.embed.external.thumb?.ref, 'the image became the card’s thumbnail through uploadBlob');
    assert.equal(server.requests.find((candidate) => candidate.path === '/xrpc/com.atproto.repo.uploadBlob')?.headers['content-type'], 'image/png');
    assert.match(posted.remoteId, /^at:\/\/did:plc:z72i7hdynmk6r22z27h6tvur\/app\.bsky\.feed\.post\//);
    assert.match(posted.url ?? '', /^https:\/\/bsky\.app\/profile\/mairie\.bsky\.social\/post\/3l/);
    assert.ok(posted.refreshedCredentials?.['accessJwt'], 'the new session is handed back to be stored');
  });

  test('sends images with their alt text when there is no link', async () => {
    const media = [{ bytes: TINY_PNG, mimeType: 'image/png', alt: 'Le marché de Noël', fileName: 'noel.png' }];
    await adapter.publish({ text: 'Le marché est ouvert', media }, password(), ctx('v2'));
    const record = (server.posts.at(-1)?.request.body as { record: { embed: { $type: string; images: { alt: string }[] } } }).record;
    assert.equal(record.embed.$type, 'app.bsky.embed.images');
    assert.equal(record.embed.images[0]?.alt, 'Le marché de Noël');
  });

  test('reuses a stored session, and refreshes it when its access token has expired', async () => {
    const stored = (await adapter.verifyCredentials(password(), { fetch })).refreshedCredentials ?? password();
    const sessionsBefore = server.requests.filter((request) => request.path.includes('Session')).length;
    const reused = await adapter.publish({ text: 'Session réutilisée' }, stored, ctx('v3'));
    assert.equal(reused.refreshedCredentials, undefined);
    assert.equal(server.requests.filter((request) => request.path.includes('Session')).length, sessionsBefore);
    server.expireAccessTokens();
    const refreshed = await adapter.publish({ text: 'Session rafraîchie' }, stored, ctx('v4'));
    assert.ok(refreshed.refreshedCredentials?.['accessJwt']);
    assert.equal(server.requests.filter((request) => request.path === '/xrpc/com.atproto.server.refreshSession').length, 1);
    assert.equal(server.posts.filter((post) => post.text === 'Session rafraîchie').length, 1);
  });

  test('opens one session per account, not one per post, when the caller keeps no session', async () => {
    const fresh = createBlueskyAdapter();
    const logins = () => server.requests.filter((request) => request.path === '/xrpc/com.atproto.server.createSession').length;
    const before = logins();
    await fresh.publish({ text: 'Premier message' }, password(), ctx('s1'));
    await fresh.publish({ text: 'Deuxième message' }, password(), ctx('s2'));
    assert.equal(logins(), before + 1);
  });

  test('finds a post already made among the account’s records', async () => {
    const text = `Conseil municipal ce soir : ${link}`;
    const posted = await adapter.publish({ text }, password(), ctx('v5'));
    assert.equal((await adapter.findRecentPost(text, password(), { fetch }))?.remoteId, posted.remoteId);
    assert.equal(await adapter.findRecentPost('Jamais publié', password(), { fetch }), undefined);
  });

  test('maps XRPC errors to what the outbox must do', async () => {
    const post = (key: string) => adapter.publish({ text: 'Essai' }, password(), ctx(key));
    server.failNext('rate-limited');
    const limited = await expectChannelError(post('e1'), 'rate_limited');
    assert.equal(limited.networkMessage, 'Rate Limit Exceeded');
    assert.ok(Date.parse(limited.retryAt ?? '') > Date.now());
    server.failNext('server-error');
    await expectChannelError(post('e2'), 'unavailable');
    server.failNext('timeout-after-post');
    await expectChannelError(post('e3'), 'unknown_outcome');
    const tooLong = await expectChannelError(adapter.publish({ text: 'é'.repeat(301) }, password(), ctx('e4')), 'rejected');
    assert.match(tooLong.message, /300 graphemes/);
    await expectChannelError(adapter.publish({ text: 'Essai' }, { ...password(), accessToken: 'révoqué' }, ctx('e5')), 'auth');
  });
});
