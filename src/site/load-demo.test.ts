import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../test-support/databases.js';
import { addTestUser, signIn, startTestSite } from '../test-support/test-site.js';
import { listInbox } from '../veille/inbox/store.js';
import { DEMO_ILLUSTRATIONS } from '../blog/demo/demo-illustrations.js';
import { DEMO_VEILLE_ITEMS } from '../veille/demo/demo-veille-items.js';
import { DEMO_WATCHES } from '../veille/demo/load-demo-veille.js';
import { loadDemo } from './load-demo.js';

for (const dialect of DIALECTS) {
  test(`the demo brings the library, the veille and the relay to life, once and offline, on ${dialect}`, async () => {
    const site = await startTestSite(dialect);
    try {
      const db = site.relais.db.kysely;
      const admin = await addTestUser(site, 'admin');
      const loaded = await loadDemo(site.relais, admin.id);
      assert.ok(loaded.articles > 0);
      assert.equal(loaded.veilleItems, DEMO_VEILLE_ITEMS.length);
      assert.equal(loaded.relayDrafts, 1);

      const media = await db.selectFrom('media_items').selectAll().execute();
      assert.equal(media.length, DEMO_ILLUSTRATIONS.length);
      for (const item of media) {
        assert.equal(item.kind, 'image');
        assert.equal(item.credit, '© Ville de Val-Fleuri');
        assert.match(item.alt, /^Dessin : .{20,}/, 'a real French alternative');
      }
      const illustrated = await db.selectFrom('articles').select(['id', 'body', 'logo_media_id']).where('logo_media_id', 'is not', null).execute();
      assert.equal(illustrated.length, 2);
      const withImage = await db.selectFrom('articles').select('body').where('body', 'like', '<img%|right>%').execute();
      assert.equal(withImage.length, 1);
      const bodyUses = await db.selectFrom('media_uses').select('media_id').where('role', '=', 'body').execute();
      assert.equal(bodyUses.length, 1, 'the body image is recorded as used');

      const sources = await db.selectFrom('veille_sources').select(['kind', 'status', 'url']).execute();
      assert.equal(sources.length, 5);
      assert.ok(sources.every((s) => s.status === 'paused'), 'nothing is fetched');
      assert.ok(sources.every((s) => /\.example(\.org|\.fr)?\/|example\.(org|fr)\//.test(s.url)), 'reserved example addresses');
      assert.equal(sources.filter((s) => s.kind === 'mastodon').length, 1);

      const watches = await db.selectFrom('veille_watches').select(['id', 'name']).orderBy('id').execute();
      assert.deepEqual(watches.map((w) => w.name), DEMO_WATCHES.map((w) => w.name));
      for (const watch of watches) {
        const entries = await listInbox(db, { watchId: watch.id, state: 'all' }, 50);
        assert.ok(entries.length >= 2, `${watch.name}: ${entries.length} matches`);
      }
      const festival = await listInbox(db, { watchId: watches[0]!.id, state: 'all' }, 50);
      assert.ok(festival.some((e) => e.groupSize === 2), 'one story told by two sources');
      const handled = await listInbox(db, { state: 'to_handle', assigneeId: admin.id }, 50);
      assert.equal(handled.length, 1);

      const pages = await db.selectFrom('relay_pages').selectAll().execute();
      assert.equal(pages.length, 1);
      assert.equal(pages[0]!.active, 0, 'nothing is posted');
      assert.equal(pages[0]!.audience, 'institution');
      assert.equal(pages[0]!.instance, 'https://mastodon.example');
      assert.equal(await db.selectFrom('relay_variants').select('id').execute().then((r) => r.length), 1);

      const cookie = await signIn(site, admin);
      const inbox = await site.app.inject({ method: 'GET', url: '/ecrire/veille/boite', headers: { cookie } });
      assert.equal(inbox.statusCode, 200);
      assert.match(inbox.body, /vu sur 2 sources/);
      for (const [url, expected] of [['/ecrire/media', 'Travaux de voirie'], ['/ecrire/relais/pages', 'Mastodon de la mairie (démo)'],
        ['/ecrire/relais', 'Mastodon de la mairie (démo)'], ['/ecrire/veille/tableau-de-bord', 'Festival d’été']] as const) {
        const page = await site.app.inject({ method: 'GET', url, headers: { cookie } });
        assert.equal(page.statusCode, 200, url);
        assert.ok(page.body.includes(expected.replaceAll('’', '&#8217;')) || page.body.includes(expected), `${url} shows ${expected}`);
      }

      const again = await loadDemo(site.relais, admin.id);
      assert.deepEqual(again, { articles: 0, veilleItems: 0, veilleMatches: 0, relayDrafts: 0 });
      assert.equal((await db.selectFrom('veille_sources').select('id').execute()).length, 5, 'a second load adds nothing');
    } finally {
      await site.close();
    }
  });
}
