import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FetchError } from '../../fetch/fetch-error.js';
import { SourceAdapterError } from '../source-adapter-error.js';
import type { MastodonConfig } from './mastodon-config.js';
import { createMastodonAdapter } from './mastodon-adapter.js';
import { validConfig } from '../testdata/valid-config.js';
import { readFixture, sendJson, startApiServer, type ApiServer } from '../testdata/start-api-server.js';

const TOKEN = 'Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY';
const EXPIRED = 'ZXhwaXJlZC10b2tlbi05ODc2NTQzMjE';
const NEWEST = '113545872316509842';
const timeline = readFixture(import.meta.url, 'tag-conseilmunicipal.json');
const search = readFixture(import.meta.url, 'search-budget.json');
const later = JSON.stringify([{ ...JSON.parse(timeline)[0], id: '113546100000000000', uri: 'https://mastodon.exemple.fr/users/villedebrest/statuses/113546100000000000' }]);

describe('Mastodon adapter', () => {
  const adapter = createMastodonAdapter();
  let api: ApiServer;
  before(async () => {
    api = await startApiServer(({ url, headers }, response) => {
      const query = url.searchParams;
      if (url.pathname === '/api/v1/timelines/tag/conseilmunicipal' && query.get('limit') === '40') {
        if (!query.has('min_id')) return sendJson(response, 200, timeline);
        return sendJson(response, 200, query.get('min_id') === NEWEST ? later : '[]');
      }
      if (url.pathname === '/api/v1/timelines/tag/limite') {
        return sendJson(response, 429, { error: 'Too many requests' }, {
          'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(Date.now() + 240_000).toISOString(),
        });
      }
      if (url.pathname === '/api/v1/timelines/tag/muette') return sendJson(response, 429, { error: 'Too many requests' });
      if (url.pathname === '/api/v1/timelines/tag/panne') return sendJson(response, 503, '<html>Maintenance</html>');
      if (url.pathname === '/api/v1/timelines/tag/casse') return sendJson(response, 200, '<html><body>Erreur</body></html>');
      if (url.pathname === '/api/v1/timelines/tag/objet') return sendJson(response, 200, { error: 'Record not found' });
      if (url.pathname === '/api/v2/search') {
        const good = query.get('q') === 'budget participatif' && query.get('type') === 'statuses' && query.get('resolve') === 'false';
        if (headers.authorization === `Bearer ${TOKEN}` && good) return sendJson(response, 200, search);
        const error = headers.authorization === undefined ? 'This method requires an authenticated user' : 'The access token is invalid';
        return sendJson(response, 401, { error }, { 'www-authenticate': 'Bearer realm="Doorkeeper", error="invalid_token"' });
      }
      sendJson(response, 404, { error: 'Record not found' });
    });
  });
  after(() => api.close());

  const config = (input: Record<string, unknown>): MastodonConfig => validConfig(adapter, { instance: api.origin, ...input });

  test('maps a hashtag timeline’s statuses, then asks only for newer ones with min_id', async () => {
    const first = await adapter.fetch(config({ mode: 'hashtag', hashtag: '#conseilmunicipal' }), {}, api.deps);
    assert.equal(first.entries.length, 2);
    assert.deepEqual(first.problems, ['1 message(s) Mastodon sans identifiant ont été ignorés.']);
    const [toot, warned] = first.entries;
    assert.equal(toot?.id, 'https://mastodon.exemple.fr/users/villedebrest/statuses/113545872316509842');
    assert.equal(toot?.link, 'https://mastodon.exemple.fr/@villedebrest/113545872316509842');
    assert.equal(toot?.author, `Ville de Brest (@villedebrest@127.0.0.1:${new URL(api.origin).port})`);
    assert.equal(toot?.published, '2026-11-28T18:42:05.000Z');
    assert.equal(toot?.updated, '2026-11-28T18:50:00.000Z');
    assert.equal(toot?.language, 'fr');
    assert.deepEqual(toot?.categories, ['conseilmunicipal', 'brest']);
    assert.deepEqual(toot?.enclosures, [{
      url: 'https://files.mastodon.exemple.fr/media_attachments/files/113/545/870/original/ordre-du-jour.png', type: 'image/png',
    }]);
    assert.match(toot?.title ?? '', /^Le #ConseilMunicipal se réunit lundi à 18 h 30 : budget 2027 et rénovation de l’école…$/);
    assert.match(toot?.content ?? '', /<a href="https:\/\/www\.brest\.example\/conseil">/);
    assert.doesNotMatch(toot?.content ?? '', /script|alert|class=|target=/);
    assert.equal(toot?.sensitive, undefined);
    assert.equal(warned?.title, 'Politique locale, débat vif');
    assert.equal(warned?.author, '@camille@social.exemple.org');
    assert.equal(warned?.sensitive, true);
    assert.doesNotMatch(warned?.content ?? '', /javascript/);
    assert.equal(first.state['minId'], NEWEST);

    const second = await adapter.fetch(config({ mode: 'hashtag', hashtag: 'conseilmunicipal' }), first.state, api.deps);
    assert.equal(api.requests.at(-1)?.url.searchParams.get('min_id'), NEWEST);
    assert.deepEqual(second.entries.map((entry) => entry.id), ['https://mastodon.exemple.fr/users/villedebrest/statuses/113546100000000000']);
    assert.equal(second.state['minId'], '113546100000000000');
    const third = await adapter.fetch(config({ mode: 'hashtag', hashtag: 'conseilmunicipal' }), second.state, api.deps);
    assert.deepEqual(third.entries, []);
    assert.equal(third.state['minId'], '113546100000000000', 'nothing new keeps the cursor');
  });

  test('a state left by another hashtag is not used', async () => {
    await adapter.fetch(config({ mode: 'hashtag', hashtag: 'conseilmunicipal' }), { scope: 'tag:autre', minId: '1' }, api.deps);
    assert.equal(api.requests.at(-1)?.url.searchParams.has('min_id'), false);
  });

  test('searches with the bearer token and maps the statuses of the v2 answer', async () => {
    const result = await adapter.fetch(config({ mode: 'search', query: ' budget participatif ', token: TOKEN }), {}, api.deps);
    assert.equal(result.entries[0]?.title, 'Votez pour le budget participatif jusqu’au 15 décembre !');
    assert.deepEqual(result.entries[0]?.enclosures, [{
      url: 'https://files.mastodon.exemple.fr/media_attachments/files/1/original/presentation.mp4', type: 'video/mp4',
    }]);
    assert.equal(api.requests.at(-1)?.headers.authorization, `Bearer ${TOKEN}`);
  });

  test('an expired or missing token is a French message that never shows the token', async () => {
    const expired = await adapter.fetch(config({ mode: 'search', query: 'budget participatif', token: EXPIRED }), {}, api.deps).catch((e: unknown) => e);
    assert.ok(expired instanceof SourceAdapterError);
    assert.equal(expired.code, 'unauthorized');
    assert.match(expired.message, /refuse le jeton d’accès : il a expiré/);
    assert.doesNotMatch(`${expired.message} ${expired.detail} ${String(expired.stack)} ${JSON.stringify(expired)}`, new RegExp(EXPIRED));
    const missing = await adapter.fetch(config({ mode: 'search', query: 'budget participatif' }), {}, api.deps).catch((e: unknown) => e);
    assert.ok(missing instanceof SourceAdapterError);
    assert.match(missing.message, /demande un jeton d’accès pour la recherche/);
  });

  test('429 gives a FetchError with the X-RateLimit-Reset wait, else the documented window; 5xx and a body that is not the documented JSON give French problems', async () => {
    const limited = await adapter.fetch(config({ mode: 'hashtag', hashtag: 'limite' }), {}, api.deps).catch((e: unknown) => e);
    assert.ok(limited instanceof FetchError);
    assert.equal(limited.httpStatus, 429);
    assert.ok(limited.retryAfterSeconds! > 230 && limited.retryAfterSeconds! <= 240, `X-RateLimit-Reset honoured: ${limited.retryAfterSeconds}`);
    assert.equal(limited.rateLimit?.remaining, 0);
    assert.match(limited.message, /patienter/);
    const silent = await adapter.fetch(config({ mode: 'hashtag', hashtag: 'muette' }), {}, api.deps).catch((e: unknown) => e);
    assert.ok(silent instanceof FetchError);
    assert.equal(silent.retryAfterSeconds, 300, 'without any header, Mastodon’s documented window');
    const down = await adapter.fetch(config({ mode: 'hashtag', hashtag: 'panne' }), {}, api.deps).catch((e: unknown) => e);
    assert.ok(down instanceof FetchError);
    assert.equal(down.message, 'Le serveur rencontre un problème (erreur 503).');
    const broken = await adapter.fetch(config({ mode: 'hashtag', hashtag: 'casse' }), {}, api.deps).catch((e: unknown) => e);
    assert.ok(broken instanceof SourceAdapterError);
    assert.equal(broken.message, 'La réponse de l’instance Mastodon n’est pas du JSON lisible : le service est peut-être en maintenance.');
    const shape = await adapter.fetch(config({ mode: 'hashtag', hashtag: 'objet' }), {}, api.deps).catch((e: unknown) => e);
    assert.ok(shape instanceof SourceAdapterError);
    assert.match(shape.message, /n’a pas la forme attendue/);
  });

  test('validates in French and describes the source', () => {
    const check = adapter.validate({ instance: 'https://user:pw@mastodon.social/@x', mode: 'hashtag', hashtag: 'conseil municipal', token: 'a b' });
    assert.ok(!check.ok);
    assert.deepEqual(Object.keys(check.errors).sort(), ['hashtag', 'instance', 'token']);
    assert.doesNotMatch(JSON.stringify(check.errors), /a b/);
    const search = adapter.validate({ instance: 'mastodon.social', mode: 'search', query: '   ' });
    assert.ok(!search.ok);
    assert.equal(search.errors['query'], 'Indiquez les mots à rechercher.');
    assert.ok(!adapter.validate({ instance: 'mastodon.social' }).ok);
    assert.ok(!adapter.validate(null).ok);
    const good = adapter.validate({ instance: 'Mastodon.Social', mode: 'hashtag', hashtag: '#Lyon' });
    assert.ok(good.ok);
    assert.deepEqual(good.config, { instance: 'https://mastodon.social', mode: 'hashtag', hashtag: 'Lyon' });
    assert.equal(adapter.describe(good.config), 'Mastodon : #Lyon sur mastodon.social');
  });
});
