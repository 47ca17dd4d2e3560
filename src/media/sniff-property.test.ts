import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { pick, seededRandom } from '../markup/testdata/seeded-random.js';
import { MediaError } from './media-error.js';
import { sniffMediaType } from './sniff-media-type.js';
import { docxFile, heicHead, odtFile, pdfFile, plainImage } from './testdata/media-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'relais-sniff-prop-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A real file's bytes with some of them changed, cut short, or given a random tail. */
function mutate(random: () => number, bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const flips = Math.floor(random() * 8);
  for (let i = 0; i < flips; i++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
  const cut = random() < 0.3 ? copy.subarray(0, Math.floor(random() * copy.length)) : copy;
  return random() < 0.2 ? Buffer.concat([cut, Buffer.from(Array.from({ length: 64 }, () => Math.floor(random() * 256)))]) : cut;
}

test('sniffing damaged or random files either names an accepted type or refuses with a MediaError, never anything else', async () => {
  const random = seededRandom(20261129);
  const seeds = [await plainImage(8, 8, 'png'), await plainImage(8, 8, 'jpeg'), await plainImage(8, 8, 'webp'), pdfFile(100), odtFile(), docxFile(), heicHead(), Buffer.from('a;b\n1;2\n')];
  const accepted = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif', 'application/pdf', 'text/csv',
    'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  for (let round = 0; round < 400; round++) {
    const bytes = round % 10 === 0 ? Buffer.from(Array.from({ length: Math.floor(random() * 300) }, () => Math.floor(random() * 256))) : mutate(random, pick(random, seeds));
    const path = join(dir, `f${round}`);
    writeFileSync(path, bytes);
    try {
      const type = await sniffMediaType(path);
      assert.ok(accepted.has(type.mime), `round ${round}: ${type.mime}`);
    } catch (error) {
      assert.ok(error instanceof MediaError, `round ${round}: ${String(error)}`);
    }
  }
});
