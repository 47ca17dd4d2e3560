import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { purgeMediaTemporaryFiles } from './purge-temporary-files.js';

test('removes only the media library’s own temporary files older than a day', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-purge-'));
  try {
    const now = new Date('2026-06-01T12:00:00Z');
    const old = new Date('2026-05-30T12:00:00Z');
    for (const name of ['upload-ab12', 'encode-cd34-original', 'upload-ef56', 'other-file']) writeFileSync(join(dir, name), 'x');
    for (const name of ['upload-ab12', 'encode-cd34-original', 'other-file']) utimesSync(join(dir, name), old, old);
    assert.equal(await purgeMediaTemporaryFiles(dir, now), 2);
    assert.deepEqual(readdirSync(dir).sort(), ['other-file', 'upload-ef56']);
    assert.equal(await purgeMediaTemporaryFiles(join(dir, 'absent'), now), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
