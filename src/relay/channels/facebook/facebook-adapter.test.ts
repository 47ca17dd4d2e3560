import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFacebookAdapter } from './facebook-adapter.js';
import { channelTestFetch, expectChannelError, TINY_PNG } from '../testdata/channel-test-fetch.js';
import { FAKE_FACEBOOK_PAGE, FAKE_FACEBOOK_USER_TOKEN, startFakeFacebookServer } from '../testdata/fake-facebook-server.js';
import { FAKE_TOKEN, type FakeNetworkServer } from '../testdata/start-fake-network.js';

describe('Facebook page adapter against a local Graph API', () => {
  const adapter = createFacebookAdapter();
  const fetch = channelTestFetch(400);
  let server: FakeNetworkServer;
  before(async () => {
    server = await startFakeFacebookServer();
  });
  after(() => server.close());
  const credentials = () => ({ instance: server.origin, accountId: FAKE_FACEBOOK_PAGE.id, accessToken: FAKE_TOKEN });
  const link = 'https://www.ville-exemple.fr/actualites/marche-de-noel';

  test('names the page from its token, and tells a user token from a page token', async () => {
    assert.equal((await adapter.verifyCredentials(credentials(), { fetch })).accountName, 'Ville de Val-Fleuri');
    const request = server.requests.at(-1);
    assert.equal(request?.path, '/me');
    assert.equal(request?.query.get('fields'), 'id,name');
    assert.equal(request?.query.has('access_token'), false, 'the token never goes into a URL');
    const userToken = { ...credentials(), accessToken: FAKE_FACEBOOK_USER_TOKEN };
    const wrong = await expectChannelError(adapter.verifyCredentials(userToken, { fetch }), 'rejected');
    assert.match(wrong.message, /pas celui de la page 104729381726354 mais de « Claire Martin »/);
    const refused = await expectChannelError(adapter.publish({ text: 'x' }, userToken, { idempotencyKey: 'f0', fetch }), 'rejected');
    assert.match(refused.message, /droits insuffisants.*pages_manage_posts/);
  });

  test('posts the message and the link to the page feed with the page token', async () => {
    const posted = await adapter.publish({ text: `Le marché de Noël ouvre samedi ! ${link}`, link }, credentials(), { idempotencyKey: 'f1', fetch });
    const request = server.requests.at(-1);
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, `/${FAKE_FACEBOOK_PAGE.id}/feed`);
    assert.equal(request?.headers.authorization, `Bearer ${FAKE_TOKEN}`);
    assert.match(String(request?.headers['content-type']), /^application\/x-www-form-urlencoded/);
    assert.deepEqual(request?.body, { message: `Le marché de Noël ouvre samedi ! ${link}`, link });
    assert.equal(posted.remoteId, `${FAKE_FACEBOOK_PAGE.id}_${server.posts.at(-1)?.id}`);
    assert.equal(posted.url, `https://www.facebook.com/${posted.remoteId}`);
  });

  test('uploads photos unpublished with their alt text, then attaches them to one post', async () => {
    const media = [
      { bytes: TINY_PNG, mimeType: 'image/png', alt: 'Les chalets illuminés', fileName: 'chalets.png' },
      { bytes: TINY_PNG, mimeType: 'image/png', alt: 'La patinoire', fileName: 'patinoire.png' },
    ];
    await adapter.publish({ text: 'En images', link, media }, credentials(), { idempotencyKey: 'f2', fetch });
    const uploads = server.requests.filter((request) => request.path.endsWith('/photos'));
    assert.deepEqual(uploads.map((request) => request.body), [
      { source: TINY_PNG.length, published: 'false', alt_text_custom: 'Les chalets illuminés' },
      { source: TINY_PNG.length, published: 'false', alt_text_custom: 'La patinoire' },
    ]);
    const feed = server.requests.at(-1)?.body as Record<string, string>;
    assert.equal(feed['link'], undefined);
    assert.equal(server.posts.at(-1)?.mediaIds.length, 2);
  });

  test('reads Graph API errors: code 190 is auth even as a 400, an invalid post is rejected with its reason', async () => {
    server.failNext('expired-token');
    const expired = await expectChannelError(adapter.publish({ text: 'x' }, credentials(), { idempotencyKey: 'f3', fetch }), 'auth');
    assert.equal(expired.httpStatus, 400);
    assert.match(expired.networkMessage ?? '', /Session has expired/);
    const invalid = await expectChannelError(adapter.publish({ text: '' }, credentials(), { idempotencyKey: 'f4', fetch }), 'rejected');
    assert.equal(invalid.networkMessage, '(#100) Invalid parameter');
    assert.match(invalid.message, /^Facebook a refusé la publication, jugée invalide \(erreur 400\)\. Message du réseau : « \(#100\) Invalid parameter »$/);
    await expectChannelError(adapter.publish({ text: 'x' }, { accessToken: FAKE_TOKEN, instance: server.origin }, { idempotencyKey: 'f5', fetch }), 'rejected');
  });
});
