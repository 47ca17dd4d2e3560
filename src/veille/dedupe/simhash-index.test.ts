import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../markup/testdata/seeded-random.js';
import { hammingDistance } from './hamming-distance.js';
import { SIMILAR_DISTANCE } from './similar-distance.js';
import { SimHashIndex } from './simhash-index.js';
import type { SimHash } from './simhash.js';

/** `hash` with its lowest `count` bits of the low half flipped. */
function flipLow(hash: SimHash, count: number): SimHash {
  return { high: hash.high, low: (hash.low ^ ((2 ** count - 1) >>> 0)) >>> 0 };
}

describe('SimHashIndex', () => {
  const base = { high: 0x12345678, low: 0x9abcdef0 };

  test('finds a fingerprint up to the threshold, not one bit beyond', () => {
    const index = new SimHashIndex();
    index.add(base, 3);
    assert.equal(index.nearestGroup(flipLow(base, SIMILAR_DISTANCE)), 3);
    assert.equal(index.nearestGroup(flipLow(base, SIMILAR_DISTANCE + 1)), undefined);
  });

  test('prefers the nearest fingerprint, then the lowest group', () => {
    const index = new SimHashIndex();
    index.add(flipLow(base, 4), 1);
    index.add(flipLow(base, 2), 5);
    index.add({ high: base.high ^ 0b11, low: base.low }, 4);
    assert.equal(index.nearestGroup(base), 4);
  });

  test('answers as an all-pairs scan does, past its first growth (seeded)', () => {
    const random = seededRandom(11);
    const index = new SimHashIndex();
    const stored: SimHash[] = [];
    for (let i = 0; i < 3_000; i++) {
      // Clusters: every tenth fingerprint is new, the others are near an earlier one.
      const hash =
        i % 10 === 0 || stored.length === 0
          ? { high: Math.floor(random() * 2 ** 32), low: Math.floor(random() * 2 ** 32) }
          : flipLow(stored[Math.floor(random() * stored.length)]!, Math.floor(random() * 9));
      const expected = stored
        .map((other, group) => ({ distance: hammingDistance(hash, other), group }))
        .filter(({ distance }) => distance <= SIMILAR_DISTANCE)
        .sort((a, b) => a.distance - b.distance || a.group - b.group)[0]?.group;
      assert.equal(index.nearestGroup(hash), expected);
      index.add(hash, stored.length);
      stored.push(hash);
    }
  });
});
