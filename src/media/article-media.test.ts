import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { findArticleById } from '../blog/store.js';
import { DIALECTS } from '../test-support/databases.js';
import { signedInClients, type SignedInClient } from '../test-support/admin-test-client.js';
import { buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import type { MediaItem } from './media-item.js';
import { pdfFile, plainImage } from './testdata/media-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`articles with media on ${dialect}`, () => {
    let site: TestSite;
    let editor: SignedInClient;
    let photo: MediaItem;
    let pdf: MediaItem;
    let slug: string;

    before(async () => {
      site = await startTestSite(dialect);
      ({ editor } = await signedInClients(site, ['editor']));
      const add = async (bytes: Buffer, fileName: string, texts: object) =>
        (await site.relais.media.add({ source: Readable.from([bytes]), fileName }, texts, null)).item;
      photo = await add(await plainImage(1800, 1200, 'jpeg'), 'creche.jpg', { alt: 'La nouvelle crèche, façade côté jardin', credit: '© Ville de Relais', caption: 'Ouverture en septembre.' });
      await site.relais.media.makeVariants(photo.id);
      pdf = await add(pdfFile(1_258_000), 'deliberation.pdf', { title: 'Délibération du conseil' });
      const article = await site.relais.blog.createArticle({ userId: null }, buildArticle({
        title: 'La crèche ouvre', body: `La crèche ouvre ses portes.\n\n<img${photo.id}|right>\n\nLire <doc${pdf.id}>.`, logoMediaId: photo.id,
      }));
      slug = article.slug;
    });
    after(() => site.close());

    test('the article page shows the illustration, the body image and the document link, and shares the image', async () => {
      const page = await site.app.inject({ url: `/article/${slug}` });
      assert.equal(page.statusCode, 200);
      const html = page.body;
      assert.match(html, /<figure class="article-logo"><picture><source type="image\/avif" srcset="[^"]*-1200\.avif 1200w/);
      assert.match(html, /<img src="\/media\/[0-9a-f]{2}\/[0-9a-f]{32}-1200\.jpg" srcset="[^"]+ 480w, [^"]+ 800w, [^"]+ 1200w, [^"]+ 1600w, [^"]+ 1800w" sizes="[^"]+" width="1200" height="800" alt="La nouvelle crèche, façade côté jardin" loading="eager" fetchpriority="high"/);
      assert.match(html, new RegExp(`<div class="spip_document_${photo.id} [^"]*spip_document_right"><figure class="spip_doc_inner"><picture>`));
      assert.match(html, /loading="lazy" decoding="async"/);
      assert.match(html, /Délibération du conseil <span class="spip_doc_infos">\(PDF – 1,2 Mo\)<\/span><\/a>/);
      assert.match(html, /<meta property="og:image" content="http:\/\/relais\.test\/media\/[0-9a-f]{2}\/[0-9a-f]{32}-1200\.jpg"/);
      assert.match(html, /<meta property="og:image:alt" content="La nouvelle crèche, façade côté jardin"/);
      assert.match(html, /<meta name="twitter:card" content="summary_large_image"/);
    });

    test('lists and feeds carry the illustration', async () => {
      const home = await site.app.inject({ url: '/' });
      assert.match(home.body, /class="teaser-logo"><source type="image\/avif"[^>]*><source type="image\/webp"[^>]*><img [^>]*alt="La nouvelle crèche, façade côté jardin" loading="eager"/);
      const rss = new XMLParser({ ignoreAttributes: false }).parse((await site.app.inject({ url: '/feed.xml' })).body);
      const item = [rss.rss.channel.item].flat()[0];
      assert.match(item.enclosure['@_url'], /^http:\/\/relais\.test\/media\/.*-1200\.jpg$/);
      assert.equal(item.enclosure['@_type'], 'image/jpeg');
      assert.ok(Number(item.enclosure['@_length']) > 0);
      assert.match(item['content:encoded'], /http:\/\/relais\.test\/media\/[0-9a-f]{2}\/[0-9a-f]{32}\.pdf/);
      const atom = (await site.app.inject({ url: '/atom.xml' })).body;
      assert.match(atom, /<link rel="enclosure" [^>]*href="http:\/\/relais\.test\/media\//);
    });

    test('serves media with content-hash caching, documents sandboxed, unknown keys 404', async () => {
      const image = await site.app.inject({ url: `/media/${photo.storageKey}` });
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/jpeg');
      assert.equal(image.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(image.rawPayload.length, photo.byteSize);
      const again = await site.app.inject({ url: `/media/${photo.storageKey}`, headers: { 'if-none-match': String(image.headers.etag) } });
      assert.equal(again.statusCode, 304);
      const doc = await site.app.inject({ url: `/media/${pdf.storageKey}` });
      assert.equal(doc.headers['content-type'], 'application/pdf');
      assert.match(String(doc.headers['content-security-policy']), /sandbox/);
      assert.equal((await site.app.inject({ url: `/media/${photo.storageKey.replace(/^../, 'ff')}` })).statusCode, 404);
      assert.equal((await site.app.inject({ url: '/media/../relais.sqlite' })).statusCode, 404);
    });

    test('the article form offers the library images as main illustration and saves the choice', async () => {
      const form = await editor.get('/ecrire/articles/nouveau');
      assert.match(form.body, new RegExp(`<option value="${photo.id}"[^>]*>creche \\(n° ${photo.id}\\)</option>`));
      assert.ok(!form.body.includes(`<option value="${pdf.id}"`), 'documents are not offered');
      const saved = await editor.post('/ecrire/articles/nouveau', { title: 'Avec illustration', body: 'Texte.', status: 'draft', logoMediaId: String(photo.id) }, '/ecrire/articles/nouveau');
      assert.equal(saved.statusCode, 303);
      const id = Number(/\/ecrire\/articles\/(\d+)/.exec(String(saved.headers.location))![1]);
      assert.equal((await findArticleById(site.relais.db.kysely, id))?.logoMediaId, photo.id);
      const wrong = await editor.post('/ecrire/articles/nouveau', { title: 'Avec un PDF', body: 'Texte.', status: 'draft', logoMediaId: String(pdf.id) }, '/ecrire/articles/nouveau');
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /parmi les images de la médiathèque/);
    });
  });
}
