import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createBlogService } from '../blog/service.js';
import { findArticleById } from '../blog/store.js';
import type { Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { ValidationError } from '../errors.js';
import type { JobType } from '../jobs/job.js';
import { writeSetting } from '../site/settings-store.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../test-support/databases.js';
import { buildArticle } from '../test-support/test-site.js';
import { createDiskStorage } from './disk-storage.js';
import { MediaError } from './media-error.js';
import type { MediaStorage } from './media-storage.js';
import { createMediaService, type MediaService } from './service.js';
import { listMediaUses, replaceObjectMediaUses } from './store.js';
import { bombPng, pdfFile, phonePhoto, plainImage, PRIVATE_MARKERS } from './testdata/media-fixtures.js';

const upload = (bytes: Buffer, fileName = 'photo.jpg') => ({ source: Readable.from([bytes]), fileName });

async function storedBytes(storage: MediaStorage, key: string): Promise<Buffer> {
  const object = await storage.get(key);
  assert.ok(object, `object ${key} stored`);
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => assert.fail('expected a refusal'), (error: unknown) => error);
}

for (const dialect of DIALECTS) {
  describe(`media service on ${dialect}`, () => {
    let testDb: TestDatabase;
    let db: Db;
    let media: MediaService;
    let storage: MediaStorage;
    let tmpDir: string;
    let mediaRoot: string;
    const enqueued: string[] = [];
    const now = () => new Date('2026-05-04T10:00:00Z');

    before(async () => {
      testDb = await createTestDatabase(dialect);
      db = openDatabase(testDb.target);
      await migrateToLatest(db);
      tmpDir = mkdtempSync(join(tmpdir(), 'relais-media-tmp-'));
      mediaRoot = join(testDb.dataDir, 'media');
      storage = createDiskStorage(mediaRoot);
      const jobs = { async enqueue<P>(type: JobType<P>, payload: P) { enqueued.push(`${type.name} ${JSON.stringify(payload)}`); } };
      media = createMediaService({ db, jobs, storage, tmpDir, now });
    });
    after(async () => {
      await db.close();
      await testDb.drop();
      rmSync(tmpDir, { recursive: true, force: true });
    });

    test('turns a phone photo upright and keeps no EXIF, GPS, XMP or IPTC in any stored file or row', async () => {
      const photo = await phonePhoto(1600, 900);
      const sent = await sharp(photo).metadata();
      assert.ok(sent.exif && sent.xmp && sent.orientation === 6 && photo.includes(PRIVATE_MARKERS[1]!), 'the test photo carries them');
      const { item, created } = await media.add(upload(photo), { alt: 'La façade de la mairie rénovée', credit: '© Ville de Relais' }, null);
      assert.equal(created, true);
      // Stored sideways 1600×900 with orientation 6: upright it is 900 wide, 1600 high.
      assert.deepEqual([item.width, item.height], [900, 1600]);
      for (const key of [item.storageKey, ...item.variants.map((v) => v.key)]) {
        const bytes = await storedBytes(storage, key);
        const meta = await sharp(bytes).metadata();
        assert.equal(meta.exif, undefined, `no EXIF in ${key}`);
        assert.equal(meta.xmp, undefined, `no XMP in ${key}`);
        assert.equal(meta.iptc, undefined, `no IPTC in ${key}`);
        assert.ok(meta.orientation === undefined || meta.orientation === 1, `upright ${key}`);
        for (const marker of PRIVATE_MARKERS) assert.ok(!bytes.includes(marker), `${marker} gone from ${key}`);
      }
      const original = await sharp(await storedBytes(storage, item.storageKey)).metadata();
      assert.deepEqual([original.width, original.height], [900, 1600]);
      const row = JSON.stringify(await db.kysely.selectFrom('media_items').selectAll().where('id', '=', item.id).executeTakeFirst());
      for (const marker of [...PRIVATE_MARKERS, 'GPS', '48/1']) assert.ok(!row.includes(marker), `${marker} not in the row`);
      assert.deepEqual(readdirSync(tmpDir), [], 'temporary files removed');
      assert.ok(enqueued.includes(`media.make-variants {"mediaId":${item.id}}`));
    });

    test('makes the web size at upload and the other widths, WebP and AVIF in the job', async () => {
      const { item } = await media.add(upload(await plainImage(2000, 1000, 'jpeg')), { alt: 'Vue du marché' }, null);
      assert.deepEqual(item.variants.map((v) => [v.width, v.height, v.format]), [[1200, 600, 'jpeg']]);
      await media.makeVariants(item.id);
      const [after] = await db.kysely.selectFrom('media_items').select('variants').where('id', '=', item.id).execute();
      const variants = JSON.parse(after!.variants) as { width: number; format: string; key: string }[];
      const made = variants.map((v) => `${v.width} ${v.format}`).sort();
      assert.deepEqual(made, ['1200 avif', '1200 jpeg', '1200 webp', '1600 avif', '1600 jpeg', '1600 webp', '480 avif', '480 jpeg', '480 webp', '800 avif', '800 jpeg', '800 webp']);
      for (const v of variants) {
        const meta = await sharp(await storedBytes(storage, v.key)).metadata();
        assert.equal(meta.width, v.width);
        assert.equal(meta.format === 'heif' ? 'avif' : meta.format, v.format);
      }
      assert.deepEqual(readdirSync(tmpDir), []);
    });

    test('refuses a decompression bomb from its header, before decoding', async () => {
      const error = await rejection(media.add(upload(bombPng(), 'carte.png'), { alt: 'Carte' }, null));
      assert.ok(error instanceof MediaError);
      assert.equal(error.code, 'too_many_pixels');
      assert.match(error.message, /40000 × 40000/);
      assert.deepEqual(readdirSync(tmpDir), []);
    });

    test('applies the size limit per kind while the bytes stream, from the settings', async () => {
      await writeSetting(db.kysely, 'media.max_image_mb', '1');
      try {
        let pulled = 0;
        const big = Readable.from((function* () {
          yield Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]);
          for (let i = 0; i < 64; i++) {
            pulled++;
            yield Buffer.alloc(64 * 1024);
          }
        })());
        const error = await rejection(media.add({ source: big, fileName: 'grand.jpg' }, { alt: 'Grand' }, null));
        assert.ok(error instanceof MediaError);
        assert.equal(error.code, 'too_large');
        assert.match(error.message, /1 Mo/);
        assert.ok(pulled < 64, `the stream was cut (read ${pulled} of 64 chunks)`);
        assert.deepEqual(readdirSync(tmpDir), []);
        // A 2 Mo document is under the documents' own limit.
        const { item } = await media.add(upload(pdfFile(2 * 1024 * 1024), 'budget.pdf'), {}, null);
        assert.equal(item.kind, 'document');
        assert.equal(item.title, 'budget');
      } finally {
        await writeSetting(db.kysely, 'media.max_image_mb', '20');
      }
    });

    test('requires an alternative unless the image is declared decorative (RGAA 1.1–1.3)', async () => {
      const photo = await plainImage(30, 30, 'png', '#0a0');
      const missing = await rejection(media.add(upload(photo, 'IMG_2041.png'), {}, null));
      assert.ok(missing instanceof ValidationError);
      assert.match(missing.fields.alt!, /obligatoire/);
      const both = await rejection(media.add(upload(photo), { alt: 'Un trait', decorative: true }, null));
      assert.ok(both instanceof ValidationError);
      assert.match(both.fields.alt!, /décorative/);
      const fileName = await rejection(media.add(upload(photo), { alt: 'IMG_2041.png' }, null));
      assert.ok(fileName instanceof ValidationError);
      assert.match(fileName.fields.alt!, /nom de fichier/);
      const { item } = await media.add(upload(photo, 'filet.png'), { decorative: true }, null);
      assert.equal(item.decorative, true);
      assert.equal(item.alt, '');
    });

    test('stores the same bytes once', async () => {
      const bytes = await plainImage(20, 20, 'png', '#abc');
      const first = await media.add(upload(bytes), { alt: 'Carré' }, null);
      const second = await media.add(upload(bytes, 'autre-nom.png'), { alt: 'Autre' }, null);
      assert.equal(second.created, false);
      assert.equal(second.item.id, first.item.id);
      const twice = await plainImage(22, 22, 'png', '#cba');
      const together = await Promise.all([media.add(upload(twice), { alt: 'Un' }, null), media.add(upload(twice), { alt: 'Deux' }, null)]);
      assert.equal(together[0].item.id, together[1].item.id, 'sent twice at once, stored once');
      assert.deepEqual(together.map((t) => t.created).sort(), [false, true]);
    });

    test('tracks uses from articles, refuses to delete a used item without confirmation, keeps uses on replace', async () => {
      const blog = createBlogService({ db, jobs: { async enqueue() {}, async cancel() {} }, now });
      const { item: photo } = await media.add(upload(await plainImage(64, 48, 'jpeg', '#933')), { alt: 'Le conseil municipal' }, null);
      const { item: pdf } = await media.add(upload(pdfFile(3000), 'deliberation.pdf'), {}, null);
      const article = await blog.createArticle({ userId: null }, buildArticle({ body: `Voir <img${photo.id}|left> et <doc${pdf.id}>.`, logoMediaId: photo.id }));
      assert.deepEqual((await listMediaUses(db.kysely, photo.id)).map((u) => `${u.objectId} ${u.role} ${u.title}`).sort(),
        [`${article.id} body ${article.title}`, `${article.id} logo ${article.title}`]);
      assert.equal((await listMediaUses(db.kysely, pdf.id)).length, 1);

      const refused = await rejection(media.remove(photo.id, { confirmed: false }));
      assert.ok(refused instanceof MediaError);
      assert.equal(refused.code, 'in_use');

      const replaced = await media.replace(photo.id, upload(await plainImage(64, 48, 'jpeg', '#339')));
      assert.equal(replaced.id, photo.id);
      assert.notEqual(replaced.hash, photo.hash);
      assert.equal(await storage.has(photo.storageKey), true, 'the old file is still served for a day');
      const later = enqueued.find((e) => e.startsWith('media.delete-replaced'));
      assert.ok(later?.includes(photo.storageKey));
      const back = await media.add(upload(await plainImage(64, 48, 'jpeg', '#933')), { alt: 'Le conseil, de nouveau' }, null);
      assert.equal(back.item.hash, photo.hash, 'the same bytes again');
      await media.deleteReplaced([photo.storageKey]);
      assert.equal(await storage.has(photo.storageKey), true, 'kept: an item stores these bytes again');
      await media.remove(back.item.id, { confirmed: false });
      await media.deleteReplaced([photo.storageKey]);
      assert.equal(await storage.has(photo.storageKey), false, 'then it is gone');
      assert.equal(replaced.alt, 'Le conseil municipal');
      assert.equal((await listMediaUses(db.kysely, photo.id)).length, 2);

      await blog.updateArticle({ userId: null }, article.id, buildArticle({ title: article.title, body: 'Plus de document.', logoMediaId: photo.id }));
      assert.equal((await listMediaUses(db.kysely, pdf.id)).length, 0);
      await media.remove(pdf.id, { confirmed: false });

      const uses = await media.remove(photo.id, { confirmed: true });
      assert.equal(uses.length, 1);
      assert.equal(await storage.has(replaced.storageKey), false);
      assert.equal((await findArticleById(db.kysely, article.id))?.logoMediaId, null);
      assert.equal(existsSync(join(mediaRoot, replaced.storageKey)), false);
      const journal = await db.kysely.selectFrom('audit_log').select(['action', 'summary']).where('object_type', '=', 'media').where('object_id', '=', String(photo.id)).orderBy('id').execute();
      assert.deepEqual(journal.map((e) => e.action), ['media.item.added', 'media.item.replaced', 'media.item.deleted']);
      assert.match(journal[2]!.summary, /utilisé à 1 endroit/);
    });

    test('keeps a document attached to an article without being named in it through the article’s edits, not its deletion', async () => {
      const blog = createBlogService({ db, jobs: { async enqueue() {}, async cancel() {} }, now });
      const { item: portfolio } = await media.add(upload(pdfFile(2000), 'annexe.pdf'), {}, null);
      const article = await blog.createArticle({ userId: null }, buildArticle({ body: 'Sans raccourci.' }));
      // What the SPIP import records for SPIP's portfolio (spip_documents_liens).
      await replaceObjectMediaUses(db.kysely, 'article', article.id, [{ mediaId: portfolio.id, role: 'attached' }]);

      await blog.updateArticle({ userId: null }, article.id, buildArticle({ title: article.title, body: 'Corrigé, toujours sans raccourci.' }));
      assert.deepEqual((await listMediaUses(db.kysely, portfolio.id)).map((u) => `${u.objectId} ${u.role}`), [`${article.id} attached`]);

      await blog.deleteArticle({ userId: null }, article.id);
      assert.equal((await listMediaUses(db.kysely, portfolio.id)).length, 0);
    });
  });
}
