import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { DIALECTS } from '../test-support/databases.js';
import { runRelaisCli } from '../test-support/run-cli.js';
import { startTestSite, type TestSite } from '../test-support/test-site.js';
import { heicHead, phonePhoto, PRIVATE_MARKERS } from './testdata/media-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`relais media on ${dialect}`, () => {
    let site: TestSite;
    let photoPath: string;
    const env = () => ({ ...site.database.env, PUBLIC_URL: 'http://relais.test' });
    before(async () => {
      site = await startTestSite(dialect);
      photoPath = join(site.database.dataDir, 'IMG_0042.jpg');
      writeFileSync(photoPath, await phonePhoto(1500, 1000));
    });
    after(() => site.close());

    test('media add --json prints the new item’s id and URLs; the file is served without its metadata', async () => {
      const result = await runRelaisCli(['media', 'add', photoPath, '--alt', 'Le pont restauré', '--credit', '© Ville de Relais', '--json'], env());
      assert.equal(result.code, 0, result.stderr);
      const item = JSON.parse(result.stdout) as { id: number; url: string; variants: { url: string; width: number }[]; credit: string; created: boolean };
      assert.ok(Number.isInteger(item.id));
      assert.equal(item.created, true);
      assert.equal(item.credit, '© Ville de Relais');
      assert.match(item.url, /^http:\/\/relais\.test\/media\/[0-9a-f]{2}\/[0-9a-f]{32}\.jpg$/);
      assert.deepEqual(item.variants.map((v) => v.width), []); // 1000 px wide upright: no web size needed
      const served = await site.app.inject({ url: new URL(item.url).pathname });
      assert.equal(served.statusCode, 200);
      const meta = await sharp(served.rawPayload).metadata();
      assert.deepEqual([meta.width, meta.height, meta.exif], [1000, 1500, undefined]);
      for (const marker of PRIVATE_MARKERS) assert.ok(!served.rawPayload.includes(marker));
    });

    test('media list --json lists the items with their uses', async () => {
      const result = await runRelaisCli(['media', 'list', '--json'], env());
      assert.equal(result.code, 0, result.stderr);
      const rows = JSON.parse(result.stdout) as { id: number; title: string; alt: string; uses: number; url: string }[];
      assert.equal(rows.length, 1);
      assert.deepEqual([rows[0]!.title, rows[0]!.alt, rows[0]!.uses], ['IMG 0042', 'Le pont restauré', 0]);
      const text = await runRelaisCli(['media', 'list'], env());
      assert.match(text.stdout, /IMG 0042 {2}http:\/\/relais\.test\/media\//);
    });

    test('refuses clearly: no alternative, both choices, a HEIC photo', async () => {
      const noAlt = await runRelaisCli(['media', 'add', photoPath], env());
      assert.equal(noAlt.code, 1);
      assert.match(noAlt.stderr, /alternative textuelle est obligatoire/);
      const both = await runRelaisCli(['media', 'add', photoPath, '--alt', 'x', '--decorative'], env());
      assert.equal(both.code, 2);
      assert.match(both.stderr, /--alt ou --decorative/);
      const heicPath = join(site.database.dataDir, 'IMG_0043.HEIC');
      writeFileSync(heicPath, heicHead());
      const heic = await runRelaisCli(['media', 'add', heicPath, '--decorative'], env());
      assert.equal(heic.code, 1);
      assert.match(heic.stderr, /Exportez-la en JPEG/);
    });
  });
}
