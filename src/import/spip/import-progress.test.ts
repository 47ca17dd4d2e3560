import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createImportProgress } from './import-progress.js';

function capture(tty: boolean): { stream: PassThrough & { isTTY?: boolean }; text: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY: tty });
  let text = '';
  stream.on('data', (chunk) => { text += String(chunk); });
  return { stream, text: () => text };
}

describe('import progress', () => {
  test('redraws one line per table in place on a terminal, at most every 100 ms', () => {
    const { stream, text } = capture(true);
    let clock = 0;
    const progress = createImportProgress(stream, () => clock);
    progress.start('Articles', 3);
    clock = 50;
    progress.advance();
    clock = 200;
    progress.advance();
    progress.advance();
    progress.finish();
    assert.equal(text(), '\r\u001b[2KArticles : 0/3\r\u001b[2KArticles : 2/3\r\u001b[2KArticles : 3/3\n');
  });

  test('writes one plain line per table elsewhere', () => {
    const { stream, text } = capture(false);
    const progress = createImportProgress(stream);
    progress.start('Forum', 2);
    progress.advance(2);
    progress.finish();
    assert.equal(text(), 'Forum : 2/2\n');
  });
});
