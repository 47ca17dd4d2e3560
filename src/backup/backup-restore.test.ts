import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase } from '../test-support/databases.js';
import { fillSite, PHOTO, snapshotSite } from './testdata/site-fixture.js';
import { runRelaisCli } from '../test-support/run-cli.js';

for (const dialect of DIALECTS) {
  describe(`relais backup and restore on ${dialect}`, () => {
    test('backup then restore into an empty data folder gives the same site', async () => {
      const source = await createTestDatabase(dialect);
      const target = await createTestDatabase(dialect);
      const folder = mkdtempSync(join(tmpdir(), 'relais-archives-'));
      try {
        await fillSite(source.env, source.dataDir);
        const before = await snapshotSite(source.env);
        const archive = join(folder, 'site.tar.gz');

        const backup = await runRelaisCli(['backup', archive], source.env);
        assert.equal(backup.code, 0, backup.stderr);
        assert.match(backup.stderr, /clé secrète n’est PAS dans l’archive/);
        assert.equal(statSync(archive).mode & 0o777, 0o600);

        const restore = await runRelaisCli(['restore', archive], target.env);
        assert.equal(restore.code, 0, restore.stderr);

        const after = await snapshotSite(target.env);
        assert.deepEqual(after, before);
        assert.equal(after.articles!.length, 3);
        assert.deepEqual(readFileSync(join(target.dataDir, 'media', '2025', '06', 'fete.jpg')), PHOTO);
      } finally {
        rmSync(folder, { recursive: true, force: true });
        await source.drop();
        await target.drop();
      }
    });
  });
}
