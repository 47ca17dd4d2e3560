import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PieceBuffer } from './piece-buffer.js';

describe('PieceBuffer', () => {
  test('joins like Array.prototype.join, across chunk boundaries too', () => {
    for (const separator of ['', '\n']) {
      for (const count of [0, 1, 4095, 4096, 4097, 8192, 10_001]) {
        const pieces = Array.from({ length: count }, (_, i) => (i % 3 === 0 ? i : `<p>${i}</p>`));
        const buffer = new PieceBuffer(separator);
        for (const piece of pieces) buffer.push(piece);
        assert.equal(buffer.join(), pieces.join(separator), `${count} pieces, separator ${JSON.stringify(separator)}`);
      }
    }
  });
});
