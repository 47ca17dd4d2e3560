import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FetchError } from '../../fetch/fetch-error.js';
import { SourceAdapterError } from '../source-adapter-error.js';
import { createYoutubeAdapter } from './youtube-adapter.js';
import type { YoutubeConfig } from './youtube-config.js';
import { validConfig } from '../testdata/valid-config.js';
import { readFixture, startApiServer, type ApiServer } from '../testdata/start-api-server.js';

const CHANNEL = 'UCx3Wk0m5bVqQ0Ga9kGm3nPw';
const ETAG = '"yt-8f2c41"';
const feed = readFixture(import.meta.url, 'channel-videos.xml');

describe('YouTube adapter', () => {
  let api: ApiServer;
  let adapter: ReturnType<typeof createYoutubeAdapter>;
  before(async () => {
    api = await startApiServer(({ url, headers }, response) => {
      const channel = url.searchParams.get('channel_id');
      if (url.pathname !== '/feeds/videos.xml') return void response.writeHead(404).end();
      if (channel === CHANNEL) {
        if (headers['if-none-match'] === ETAG) return void response.writeHead(304, { etag: ETAG }).end();
        return void response.writeHead(200, { 'content-type': 'text/xml; charset=UTF-8', etag: ETAG }).end(feed);
      }
      if (channel === 'UCpanneXXXXXXXXXXXXXXXXX') return void response.writeHead(500).end('<html>Erreur</html>');
      if (channel === 'UCcasseXXXXXXXXXXXXXXXXX') {
        return void response.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Consentement aux cookies</body></html>');
      }
      response.writeHead(404, { 'content-type': 'text/html' }).end('<html>Introuvable</html>');
    });
    adapter = createYoutubeAdapter({ apiBase: api.origin });
  });
  after(() => api.close());

  const config = (channelId: string): YoutubeConfig => validConfig(adapter, { channelId });

  test('reads the channel’s Atom feed with the feed parser, then asks with the ETag and gets nothing new', async () => {
    const first = await adapter.fetch(config(`https://www.youtube.com/channel/${CHANNEL}/videos`), {}, api.deps);
    assert.deepEqual(first.problems, []);
    assert.equal(first.entries.length, 2);
    const [council] = first.entries;
    assert.equal(council?.id, 'yt:video:dQw4w9WgXcA');
    assert.equal(council?.link, 'https://www.youtube.com/watch?v=dQw4w9WgXcA');
    assert.equal(council?.title, 'Conseil municipal du 24 novembre 2026 – séance intégrale');
    assert.equal(council?.author, 'Ville de Rennes');
    assert.equal(council?.published, '2026-11-25T08:30:06Z');
    assert.match(council?.summary ?? '', /budget primitif 2027, tarifs des cantines &amp; rénovation du gymnase/);
    assert.ok(council?.enclosures?.some((enclosure) => enclosure.url === 'https://i3.ytimg.com/vi/dQw4w9WgXcA/hqdefault.jpg'));
    assert.equal(first.state['etag'], ETAG);

    const second = await adapter.fetch(config(CHANNEL), first.state, api.deps);
    assert.equal(api.requests.at(-1)?.headers['if-none-match'], ETAG);
    assert.deepEqual(second.entries, []);
    assert.equal(second.state['etag'], ETAG);
  });

  test('an unknown channel, a 5xx and a page that is not a feed are French failures', async () => {
    const missing = await adapter.fetch(config('UCinconnuXXXXXXXXXXXXXXX'), {}, api.deps).catch((e: unknown) => e);
    assert.ok(missing instanceof FetchError);
    assert.equal(missing.message, 'Cette adresse n’existe plus sur le serveur (erreur 404).');
    const down = await adapter.fetch(config('UCpanneXXXXXXXXXXXXXXXXX'), {}, api.deps).catch((e: unknown) => e);
    assert.ok(down instanceof FetchError && down.httpStatus === 500);
    const page = await adapter.fetch(config('UCcasseXXXXXXXXXXXXXXXXX'), {}, api.deps).catch((e: unknown) => e);
    assert.ok(page instanceof SourceAdapterError);
    assert.match(page.message, /^Le flux de la chaîne YouTube n’a pas pu être lu\. Le document n’est pas un flux/);
  });

  test('validates channel ids in French and describes the source', () => {
    const handle = adapter.validate({ channelId: '@VilleDeRennes' });
    assert.ok(!handle.ok);
    assert.match(handle.errors['channelId'] ?? '', /nom de chaîne en « @ » ne suffit pas/);
    for (const channelId of ['UC123', 'XYx3Wk0m5bVqQ0Ga9kGm3nPw', `${CHANNEL}!`, '']) {
      const check = adapter.validate({ channelId });
      assert.ok(!check.ok, channelId);
      assert.match(check.errors['channelId'] ?? '', /24 caractères commençant par « UC »/);
    }
    assert.equal(adapter.describe(config(CHANNEL)), `YouTube : vidéos de la chaîne ${CHANNEL}`);
  });
});
