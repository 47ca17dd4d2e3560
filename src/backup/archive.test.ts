import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { readArchiveManifest } from './archive.js';
import { BackupError } from './backup-error.js';
import { parseManifest } from './manifest.js';

describe('backup archive', () => {
  test('refuses files that are not Relais backups', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-archive-'));
    try {
      writeFileSync(join(dir, 'garbage.tar.gz'), 'ceci n’est pas une archive');
      writeFileSync(join(dir, 'notes.txt'), 'bonjour');
      await tar.create({ cwd: dir, gzip: true, file: join(dir, 'other.tar.gz') }, ['notes.txt']);
      for (const name of ['garbage.tar.gz', 'other.tar.gz', 'absent.tar.gz']) {
        await assert.rejects(readArchiveManifest(join(dir, name)), BackupError, name);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses manifests it cannot trust, and archives from a newer format', () => {
    const valid = { format: 'relais-backup', formatVersion: 1, relaisVersion: '0.1.0', dialect: 'sqlite', keyFingerprint: 'abc', createdAt: '2026-01-01T00:00:00.000Z', contents: [{ path: 'database.sqlite', bytes: 1 }] };
    assert.equal(parseManifest(JSON.stringify(valid)).dialect, 'sqlite');
    for (const broken of ['{', '{}', JSON.stringify({ ...valid, dialect: 'mysql' }), JSON.stringify({ ...valid, contents: [] })]) {
      assert.throws(() => parseManifest(broken), (e) => e instanceof BackupError && e.code === 'backup.not_a_backup');
    }
    assert.throws(() => parseManifest(JSON.stringify({ ...valid, formatVersion: 2 })), (e) => e instanceof BackupError && e.code === 'backup.format_too_new');
  });
});
