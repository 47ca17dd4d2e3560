import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeSetting } from '../site/settings-store.js';
import { signedInClients, type SignedInClient } from '../test-support/admin-test-client.js';
import { DIALECTS } from '../test-support/databases.js';
import { buildArticle, csrfTokenIn, startTestSite, type TestSite } from '../test-support/test-site.js';
import { readMediaLimits } from './media-limits.js';
import { countMediaItems, findMediaItem, listMediaUses } from './store.js';
import { multipartBody, type FilePart } from './testdata/multipart-body.js';
import { phonePhoto, plainImage } from './testdata/media-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`media library screens on ${dialect}`, () => {
    let site: TestSite;
    let as: Record<'editor' | 'reader', SignedInClient>;
    const tmpFiles = () => { try { return readdirSync(join(site.database.dataDir, 'tmp')); } catch { return []; } };

    before(async () => {
      site = await startTestSite(dialect);
      as = await signedInClients(site, ['editor', 'reader']);
    });
    after(() => site.close());

    async function upload(client: SignedInClient, url: string, fields: Record<string, string>, file: FilePart | undefined, withToken = true) {
      const page = await client.get('/ecrire/media/nouveau');
      const token: Record<string, string> = withToken && page.statusCode === 200 ? { _csrf: csrfTokenIn(page.body) } : {};
      return site.app.inject({ method: 'POST', url, ...multipartBody({ ...token, ...fields }, file, client.cookie) });
    }
    const jpeg = async (colour: string) => ({ name: 'file', fileName: 'IMG_2041.HEIC.jpg', type: 'image/heic', bytes: await phonePhoto(300, 200, colour) });

    test('an editor uploads a photo with its alternative; it is listed with its uses, searchable by credit', async () => {
      const response = await upload(as.editor, '/ecrire/media/nouveau', { title: 'Marché de Noël', alt: 'Les chalets du marché sur la place', credit: '© Ville de Relais' }, await jpeg('#a33'));
      assert.equal(response.statusCode, 303, response.body);
      const location = String(response.headers.location);
      assert.match(location, /^\/ecrire\/media\/\d+\?ok=ajoute$/);
      const id = Number(/\d+/.exec(location)![0]);
      const item = await findMediaItem(site.relais.db.kysely, id);
      assert.equal(item?.mime, 'image/jpeg');
      assert.deepEqual([item?.width, item?.height], [200, 300]);
      assert.deepEqual(tmpFiles(), []);
      await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Le marché ouvre', body: `<img${id}|left>` }));

      const detail = await as.editor.get(location);
      assert.match(detail.body, /Le marché ouvre<\/a> \(dans le texte\)/);
      assert.match(detail.body, new RegExp(`<code>&lt;img${id}\\|center></code>`));

      const grid = await as.reader.get('/ecrire/media?q=ville+de+relais');
      assert.equal(grid.statusCode, 200);
      assert.match(grid.body, /<ul class="media-grid">/);
      assert.match(grid.body, /Marché de Noël<\/a>/);
      assert.match(grid.body, /1 usage/);
      assert.ok(!grid.body.includes('Ajouter une image ou un document'), 'readers cannot add');
      const list = await as.reader.get('/ecrire/media?vue=liste&type=document');
      assert.match(list.body, /Aucun élément pour ces critères/);
      const listed = await as.reader.get('/ecrire/media?vue=liste&q=chalets');
      assert.match(listed.body, /<table class="list">/);
      assert.match(listed.body, /Les chalets du marché sur la place/);
    });

    test('takes an upload larger than the site’s 2 Mo form-body limit: the file streams past it', async () => {
      const bytes = Buffer.concat([await plainImage(16, 16, 'png', '#246'), Buffer.alloc(5 * 1024 * 1024, 7)]);
      const response = await upload(as.editor, '/ecrire/media/nouveau', { title: 'Affiche', decorative: '1' }, { name: 'file', fileName: 'affiche.png', type: 'image/png', bytes });
      assert.equal(response.statusCode, 303, response.body.slice(0, 500));
      assert.deepEqual(tmpFiles(), []);
    });

    test('refuses, in the form, a missing alternative, an SVG and a file over the limit; nothing is kept', async () => {
      const before = await countMediaItems(site.relais.db.kysely, {});
      const noAlt = await upload(as.editor, '/ecrire/media/nouveau', { title: 'Sans alternative' }, await jpeg('#3a3'));
      assert.equal(noAlt.statusCode, 400);
      assert.match(noAlt.body, /L’alternative textuelle est obligatoire/);
      assert.match(noAlt.body, /value="Sans alternative"/);
      const svg = await upload(as.editor, '/ecrire/media/nouveau', { alt: 'Logo' }, { name: 'file', fileName: 'logo.png', type: 'image/png', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
      assert.equal(svg.statusCode, 400);
      assert.match(svg.body, /Les images SVG ne sont pas acceptées/);
      await writeSetting(site.relais.db.kysely, 'media.max_image_mb', '1');
      try {
        const big = await upload(as.editor, '/ecrire/media/nouveau', { alt: 'Grande' }, { name: 'file', fileName: 'grande.png', type: 'image/png', bytes: Buffer.concat([await plainImage(10, 10, 'png'), Buffer.alloc(3 * 1024 * 1024)]) });
        assert.equal(big.statusCode, 400);
        assert.match(big.body, /dépasse la taille permise \(1 Mo\)/);
      } finally {
        await writeSetting(site.relais.db.kysely, 'media.max_image_mb', '20');
      }
      assert.equal(await countMediaItems(site.relais.db.kysely, {}), before);
      assert.deepEqual(tmpFiles(), []);
    });

    test('without the form token or the right role, an upload is refused and not kept', async () => {
      const before = await countMediaItems(site.relais.db.kysely, {});
      const noToken = await upload(as.editor, '/ecrire/media/nouveau', { alt: 'Sans jeton' }, await jpeg('#33a'), false);
      assert.equal(noToken.statusCode, 403);
      const reader = await upload(as.reader, '/ecrire/media/nouveau', { alt: 'Lecteur' }, await jpeg('#3aa'));
      assert.equal(reader.statusCode, 403);
      const anonymous = await site.app.inject({ method: 'POST', url: '/ecrire/media/nouveau', ...multipartBody({ alt: 'x' }, await jpeg('#aa3'), '') });
      assert.ok([303, 403].includes(anonymous.statusCode));
      assert.equal(await countMediaItems(site.relais.db.kysely, {}), before);
      assert.deepEqual(tmpFiles(), []);
    });

    test('replacing keeps the uses; deleting a used item needs the explicit confirmation listing them', async () => {
      const { item } = await site.relais.media.add({ source: Readable.from([await plainImage(50, 40, 'png', '#812')]), fileName: 'plan.png' }, { alt: 'Plan du quartier' }, null);
      const article = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Travaux rue Haute', logoMediaId: item.id }));
      const replaced = await upload(as.editor, `/ecrire/media/${item.id}/remplacer`, {}, { name: 'file', fileName: 'plan-v2.png', type: 'image/png', bytes: await plainImage(60, 40, 'png', '#128') });
      assert.equal(replaced.statusCode, 303);
      const after = await findMediaItem(site.relais.db.kysely, item.id);
      assert.equal(after?.width, 60);
      assert.equal(after?.alt, 'Plan du quartier');
      assert.deepEqual((await listMediaUses(site.relais.db.kysely, item.id)).map((u) => u.objectId), [article.id]);

      const confirm = await as.editor.get(`/ecrire/media/${item.id}/supprimer`);
      assert.match(confirm.body, /Ce média est utilisé à 1 endroit/);
      assert.match(confirm.body, /Travaux rue Haute<\/a> \(illustration principale\)/);
      const token = csrfTokenIn(confirm.body);
      const post = (fields: Record<string, string>) => site.app.inject({
        method: 'POST', url: `/ecrire/media/${item.id}/supprimer`,
        payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: as.editor.cookie },
      });
      const refused = await post({});
      assert.equal(refused.statusCode, 409);
      assert.ok(await findMediaItem(site.relais.db.kysely, item.id));
      const done = await post({ confirm: '1' });
      assert.equal(done.statusCode, 303);
      assert.equal(await findMediaItem(site.relais.db.kysely, item.id), undefined);
    });

    test('administrators set the size limits per kind on the library screen; editors do not see them', async () => {
      const { admin } = await signedInClients(site, ['admin']);
      const editorPage = await as.editor.get('/ecrire/media');
      assert.ok(!editorPage.body.includes('Tailles maximales'));
      const bad = await admin.post('/ecrire/media/limites', { imageMb: '0', documentMb: 'beaucoup' }, '/ecrire/media');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /nombre entier de mégaoctets/);
      const saved = await admin.post('/ecrire/media/limites', { imageMb: '8', documentMb: '30' }, '/ecrire/media');
      assert.equal(saved.statusCode, 303);
      const limits = await readMediaLimits(site.relais.db.kysely);
      assert.deepEqual([limits.imageBytes, limits.documentBytes], [8 * 1024 * 1024, 30 * 1024 * 1024]);
      assert.match((await admin.get('/ecrire/media')).body, /id="f-imageMb"[^>]*value="8"|value="8"[^>]*id="f-imageMb"/);
      const refused = await as.editor.post('/ecrire/media/limites', { imageMb: '100', documentMb: '100' }, '/ecrire/media');
      assert.equal(refused.statusCode, 403);
      await admin.post('/ecrire/media/limites', { imageMb: '20', documentMb: '50' }, '/ecrire/media');
    });

    test('texts are edited with the same alternative rules', async () => {
      const { item } = await site.relais.media.add({ source: Readable.from([await plainImage(30, 30, 'webp', '#555')]), fileName: 'filet.webp' }, { decorative: true }, null);
      const page = await as.editor.get(`/ecrire/media/${item.id}`);
      const post = (fields: Record<string, string>) => site.app.inject({
        method: 'POST', url: `/ecrire/media/${item.id}`,
        payload: new URLSearchParams({ _csrf: csrfTokenIn(page.body), ...fields }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: as.editor.cookie },
      });
      const bad = await post({ title: 'Filet', alt: '', caption: '', credit: '' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /obligatoire/);
      const good = await post({ title: 'Filet', alt: 'Un filet doré', caption: '', credit: '© Mairie' });
      assert.equal(good.statusCode, 303);
      const saved = await findMediaItem(site.relais.db.kysely, item.id);
      assert.deepEqual([saved?.alt, saved?.decorative, saved?.credit], ['Un filet doré', false, '© Mairie']);
    });
  });
}
