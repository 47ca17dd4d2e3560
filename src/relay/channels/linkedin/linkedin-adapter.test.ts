import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLinkedinAdapter, LINKEDIN_VERSION } from './linkedin-adapter.js';
import { channelTestFetch, expectChannelError, TINY_PNG } from '../testdata/channel-test-fetch.js';
import { FAKE_LINKEDIN_ORGANIZATION, startFakeLinkedinServer } from '../testdata/fake-linkedin-server.js';
import { FAKE_TOKEN, type FakeNetworkServer } from '../testdata/start-fake-network.js';

describe('LinkedIn page adapter against a local Posts API', () => {
  const adapter = createLinkedinAdapter();
  const fetch = channelTestFetch(400);
  let server: FakeNetworkServer;
  before(async () => {
    server = await startFakeLinkedinServer();
  });
  after(() => server.close());
  const credentials = () => ({ instance: server.origin, accountId: FAKE_LINKEDIN_ORGANIZATION.id, accessToken: FAKE_TOKEN });
  const author = `urn:li:organization:${FAKE_LINKEDIN_ORGANIZATION.id}`;
  const link = 'https://www.ville-exemple.fr/actualites/forum-emploi';

  test('names the organization, with the version headers on every call', async () => {
    assert.equal((await adapter.verifyCredentials(credentials(), { fetch })).accountName, 'Ville de Val-Fleuri');
    const request = server.requests.at(-1);
    assert.equal(request?.headers['linkedin-version'], LINKEDIN_VERSION);
    assert.equal(request?.headers['x-restli-protocol-version'], '2.0.0');
    await adapter.verifyCredentials({ ...credentials(), apiVersion: '202701' }, { fetch });
    assert.equal(server.requests.at(-1)?.headers['linkedin-version'], '202701');
    await adapter.verifyCredentials({ ...credentials(), apiVersion: '2024' }, { fetch });
    assert.equal(server.requests.at(-1)?.headers['linkedin-version'], LINKEDIN_VERSION, 'a malformed version is not sent');
  });

  test('posts as the organization, escapes the little text format, and reads the id from x-restli-id', async () => {
    const text = 'Forum de l’emploi (jeudi) : 40 recruteurs <sur place> ! #Emploi #ValFleuri';
    const posted = await adapter.publish({ text, link, linkTitle: 'Forum de l’emploi', linkDescription: 'Jeudi 10 décembre' }, credentials(), { idempotencyKey: 'l1', fetch });
    const request = server.requests.at(-1);
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, '/rest/posts');
    assert.equal(request?.headers.authorization, `Bearer ${FAKE_TOKEN}`);
    assert.equal(request?.headers['linkedin-version'], LINKEDIN_VERSION);
    assert.deepEqual(request?.body, {
      author,
      commentary: 'Forum de l’emploi \\(jeudi\\) : 40 recruteurs \\<sur place\\> ! {hashtag|\\#|Emploi} {hashtag|\\#|ValFleuri}',
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
      content: { article: { source: link, title: 'Forum de l’emploi', description: 'Jeudi 10 décembre' } },
    });
    assert.match(posted.remoteId, /^urn:li:share:\d+$/);
    assert.equal(posted.url, `https://www.linkedin.com/feed/update/${posted.remoteId}/`);
    assert.equal(server.posts.at(-1)?.text, text, 'the escapes read back as the text sent');
    assert.equal((await adapter.findRecentPost(text, credentials(), { fetch }))?.remoteId, posted.remoteId);
  });

  test('uploads images through the Images API and posts them with alt text', async () => {
    const media = [
      { bytes: TINY_PNG, mimeType: 'image/png', alt: 'Le stand de la mairie', fileName: 'stand.png' },
      { bytes: TINY_PNG, mimeType: 'image/png', alt: 'La file d’attente', fileName: 'file.png' },
    ];
    await adapter.publish({ text: 'En images', media }, credentials(), { idempotencyKey: 'l2', fetch });
    const init = server.requests.filter((request) => request.query.get('action') === 'initializeUpload');
    assert.deepEqual(init[0]?.body, { initializeUploadRequest: { owner: author } });
    assert.equal(server.requests.filter((request) => request.method === 'PUT').length, 2);
    const content = (server.requests.at(-1)?.body as { content: { multiImage: { images: { id: string; altText: string }[] } } }).content;
    assert.deepEqual(content.multiImage.images.map((image) => image.altText), ['Le stand de la mairie', 'La file d’attente']);
    assert.match(content.multiImage.images[0]?.id ?? '', /^urn:li:image:/);
  });

  test('reports LinkedIn’s refusals with its message', async () => {
    const tooLong = await expectChannelError(adapter.publish({ text: 'a'.repeat(3001) }, credentials(), { idempotencyKey: 'l3', fetch }), 'rejected');
    assert.equal(tooLong.networkMessage, 'ERROR :: /commentary :: length of string exceeds max length 3000');
    const other = await expectChannelError(adapter.publish({ text: 'x' }, { ...credentials(), accountId: '999' }, { idempotencyKey: 'l4', fetch }), 'rejected');
    assert.match(other.message, /droits insuffisants/);
    server.failNext('expired-token');
    const expired = await expectChannelError(adapter.publish({ text: 'x' }, credentials(), { idempotencyKey: 'l5', fetch }), 'auth');
    assert.equal(expired.networkMessage, 'The token used in the request has expired');
  });
});
