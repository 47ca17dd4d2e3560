import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createThreadsAdapter } from './threads-adapter.js';
import { channelTestFetch, expectChannelError, TINY_PNG } from '../testdata/channel-test-fetch.js';
import { FAKE_THREADS_USER, startFakeThreadsServer } from '../testdata/fake-threads-server.js';
import { FAKE_TOKEN, type FakeNetworkServer } from '../testdata/start-fake-network.js';

describe('Threads adapter against a local Threads API', () => {
  const adapter = createThreadsAdapter({ containerPollMs: 5 });
  const fetch = channelTestFetch(400);
  let server: FakeNetworkServer;
  before(async () => {
    server = await startFakeThreadsServer();
  });
  after(() => server.close());
  const credentials = () => ({ instance: server.origin, accountId: FAKE_THREADS_USER.id, accessToken: FAKE_TOKEN });
  const user = `/${FAKE_THREADS_USER.id}`;
  const image = (alt: string, url?: string) => ({ bytes: TINY_PNG, mimeType: 'image/png', alt, fileName: 'photo.png', ...(url ? { url } : {}) });

  test('creates a TEXT container with its link, then publishes it, and reads its permalink', async () => {
    const link = 'https://www.ville-exemple.fr/actualites/piscine';
    const posted = await adapter.publish({ text: 'La piscine rouvre lundi', link }, credentials(), { idempotencyKey: 't1', fetch });
    const [create, publish] = server.requests.filter((request) => request.method === 'POST').slice(-2);
    assert.equal(create?.path, `${user}/threads`);
    assert.deepEqual(create?.body, { media_type: 'TEXT', text: 'La piscine rouvre lundi', link_attachment: link });
    assert.equal(create?.headers.authorization, `Bearer ${FAKE_TOKEN}`);
    assert.equal(publish?.path, `${user}/threads_publish`);
    assert.equal((publish?.body as { creation_id: string }).creation_id.length > 0, true);
    assert.equal(posted.remoteId, server.posts.at(-1)?.id);
    assert.match(posted.url ?? '', /^https:\/\/www\.threads\.net\/@villedevalfleuri\/post\//);
  });

  test('an image container carries the image URL and alt text, and is published once FINISHED', async () => {
    await adapter.publish({ text: 'Le nouveau parc', media: [image('Le parc au soleil', 'https://www.ville-exemple.fr/IMG/parc.png')] }, credentials(), { idempotencyKey: 't2', fetch });
    const create = server.requests.find((request) => (request.body as { media_type?: string } | undefined)?.media_type === 'IMAGE');
    assert.deepEqual(create?.body, { media_type: 'IMAGE', image_url: 'https://www.ville-exemple.fr/IMG/parc.png', alt_text: 'Le parc au soleil', text: 'Le nouveau parc' });
    assert.ok(server.requests.some((request) => request.query.get('fields') === 'status,error_message'), 'the container status was polled');
  });

  test('several images make a carousel of items', async () => {
    const media = [image('Un', 'https://www.ville-exemple.fr/IMG/1.png'), image('Deux', 'https://www.ville-exemple.fr/IMG/2.png')];
    await adapter.publish({ text: 'Carrousel', media }, credentials(), { idempotencyKey: 't3', fetch });
    const creates = server.requests.filter((request) => request.path === `${user}/threads`).slice(-3).map((request) => request.body as Record<string, string>);
    assert.deepEqual(creates.map((body) => [body['media_type'], body['is_carousel_item']]), [['IMAGE', 'true'], ['IMAGE', 'true'], ['CAROUSEL', undefined]]);
    assert.equal(server.posts.at(-1)?.mediaIds.length, 2);
  });

  test('refuses an image without a public address, and reports a too-long text as Threads words it', async () => {
    const noUrl = await expectChannelError(adapter.publish({ text: 'x', media: [image('Sans adresse')] }, credentials(), { idempotencyKey: 't4', fetch }), 'rejected');
    assert.match(noUrl.message, /adresse publique/);
    const tooLong = await expectChannelError(adapter.publish({ text: 'é'.repeat(501) }, credentials(), { idempotencyKey: 't5', fetch }), 'rejected');
    assert.equal(tooLong.networkMessage, 'Param text must be at most 500 characters long.');
  });
});
