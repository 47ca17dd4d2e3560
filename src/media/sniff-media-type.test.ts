import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MediaError } from './media-error.js';
import { sniffMediaType } from './sniff-media-type.js';
import { docxFile, heicHead, odtFile, pdfFile, plainImage, plainZip } from './testdata/media-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'relais-sniff-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function refusal(path: string): Promise<MediaError> {
  const error = await sniffMediaType(path).then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof MediaError, `expected a refusal for ${path}`);
  return error;
}

describe('type sniffing', () => {
  test('reads the type from the bytes: a PNG named .pdf is a PNG image', async () => {
    const type = await sniffMediaType(file('affiche.pdf', await plainImage(8, 8, 'png')));
    assert.equal(type.mime, 'image/png');
    assert.equal(type.kind, 'image');
  });

  test('knows each accepted image format', async () => {
    for (const format of ['jpeg', 'png', 'webp', 'gif', 'avif'] as const) {
      const type = await sniffMediaType(file(`x.${format}.bin`, await plainImage(8, 8, format)));
      assert.equal(type.mime, `image/${format}`);
    }
  });

  test('refuses an HTML file named .jpg', async () => {
    const error = await refusal(file('photo.jpg', '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'));
    assert.equal(error.code, 'unknown_type');
    assert.match(error.message, /type est lu dans son contenu/);
  });

  test('refuses an SVG, even one named .png, saying why', async () => {
    const error = await refusal(file('logo.png', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    assert.equal(error.code, 'svg');
    assert.match(error.message, /SVG/);
  });

  test('refuses HEIC with a message on exporting as JPEG', async () => {
    const error = await refusal(file('IMG_0001.jpg', heicHead()));
    assert.equal(error.code, 'heif');
    assert.match(error.message, /HEIC/);
    assert.match(error.message, /JPEG/);
  });

  test('accepts PDF, ODT, DOCX and CSV documents, and refuses any other ZIP', async () => {
    assert.equal((await sniffMediaType(file('deliberation.bin', pdfFile()))).label, 'PDF');
    assert.equal((await sniffMediaType(file('cr.zip', odtFile()))).extension, 'odt');
    assert.equal((await sniffMediaType(file('cr.odt', docxFile()))).extension, 'docx');
    assert.equal((await sniffMediaType(file('budget.txt', 'poste;montant\nvoirie;12000\n'))).mime, 'text/csv');
    assert.equal((await refusal(file('notes.docx', plainZip()))).code, 'unknown_type');
  });

  test('refuses plain prose, binary noise and an empty head', async () => {
    assert.equal((await refusal(file('a.csv', 'Bonjour, ceci est une lettre.\0'))).code, 'unknown_type');
    assert.equal((await refusal(file('b.jpg', Buffer.from([0, 1, 2, 3, 4, 5, 6, 7])))).code, 'unknown_type');
  });
});
