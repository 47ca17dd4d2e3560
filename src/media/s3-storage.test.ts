import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import S3rver from 's3rver';
import sharp from 'sharp';
import { DIALECTS } from '../test-support/databases.js';
import { startTestSite, type TestSite } from '../test-support/test-site.js';
import type { MediaStorage } from './media-storage.js';
import { createS3Storage, signS3Request } from './s3-storage.js';
import { pdfFile, phonePhoto, PRIVATE_MARKERS } from './testdata/media-fixtures.js';

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

test('signs requests as the S3 API reference’s own example (GET Object, Signature Version 4)', () => {
  const headers = signS3Request(
    { url: 'https://examplebucket.s3.amazonaws.com', region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    'GET', new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', { range: 'bytes=0-9' }, new Date('2013-05-24T00:00:00Z'),
  );
  assert.equal(headers.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
});

describe('media on S3-compatible storage (s3rver on 127.0.0.1)', () => {
  let server: S3rver;
  let dir: string;
  let s3Url: string;
  let storage: MediaStorage;
  const credentials = { S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relais-s3-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 'store'), configureBuckets: [{ name: 'mairie-media', configs: [] }] });
    const { port } = await server.run();
    s3Url = `http://127.0.0.1:${port}/mairie-media`;
    storage = createS3Storage({ url: s3Url, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('puts, reads, checks and deletes objects by key (PutObject, GetObject, HeadObject, DeleteObject)', async () => {
    const file = join(dir, 'deliberation.pdf');
    writeFileSync(file, pdfFile(70_000));
    const key = `cd/${'cd'.repeat(16)}.pdf`;
    assert.equal(await storage.has(key), false);
    assert.equal(await storage.get(key), undefined);
    await storage.put(key, file, 'application/pdf');
    assert.equal(await storage.has(key), true);
    const object = await storage.get(key);
    assert.equal(object?.bytes, 70_000 + 16);
    assert.deepEqual(await readAll(object!.body as Readable), pdfFile(70_000));
    await storage.delete(key);
    await storage.delete(key);
    assert.equal(await storage.has(key), false);
    await assert.rejects(storage.put('../../etc/passwd', file, 'text/plain'), /invalid media key/);
  });

  for (const dialect of DIALECTS) {
    describe(`a site on ${dialect} with S3_URL`, () => {
      let site: TestSite;
      before(async () => { site = await startTestSite(dialect, { S3_URL: s3Url, ...credentials }); });
      after(() => site.close());

      test('stores the cleaned photo and its renditions in the bucket, serves them, and deletes them with the item', async () => {
        assert.equal(site.relais.mediaStorage.name, 's3');
        const { item } = await site.relais.media.add({ source: Readable.from([await phonePhoto(1600, 2000)]), fileName: 'pont.jpg' }, { alt: 'Le pont restauré' }, null);
        await site.relais.media.makeVariants(item.id);
        const after = (await site.relais.media.updateTexts(item.id, { alt: 'Le pont restauré, vu du quai', title: item.title }));
        assert.ok(after.variants.length >= 6, 'renditions made from the object read back from S3');
        for (const key of [after.storageKey, ...after.variants.map((v) => v.key)]) {
          const stored = await readAll((await storage.get(key))!.body as Readable);
          assert.equal((await sharp(stored).metadata()).exif, undefined, key);
          for (const marker of PRIVATE_MARKERS) assert.ok(!stored.includes(marker));
        }
        const served = await site.app.inject({ url: `/media/${after.variants[0]!.key}` });
        assert.equal(served.statusCode, 200);
        assert.equal(served.headers['cache-control'], 'public, max-age=31536000, immutable');
        await site.relais.media.remove(item.id, { confirmed: false });
        for (const key of [after.storageKey, ...after.variants.map((v) => v.key)]) assert.equal(await storage.has(key), false, key);
      });
    });
  }
});
