import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wholePercents } from './whole-percents.js';

test('shares in whole percents always add up to 100', () => {
  assert.deepEqual(wholePercents([133, 67]), [67, 33], 'a tie goes to the first');
  assert.deepEqual(wholePercents([1, 1, 1]), [34, 33, 33]);
  assert.deepEqual(wholePercents([0, 0]), [0, 0]);
  for (let seed = 1; seed < 200; seed++) {
    const values = Array.from({ length: 1 + (seed % 7) }, (_x, i) => (seed * (i + 3) * 7919) % 101);
    if (values.some((v) => v > 0)) assert.equal(wholePercents(values).reduce((a, b) => a + b, 0), 100, values.join());
  }
});
