import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../markup/testdata/seeded-random.js';
import { hammingDistance } from './hamming-distance.js';
import { SIMILAR_DISTANCE } from './similar-distance.js';
import { BAND_COUNT, simhashBands } from './simhash-bands.js';
import { simhash, type SimHash } from './simhash.js';
import { buildArticles, buildVariant } from './testdata/build-variant.js';
import { FRENCH_NEWS } from './testdata/french-news.js';

describe('simhash', () => {
  test('gives the same fingerprint to a text whatever its case, accents and apostrophes', () => {
    const text = "L'école d'été de la commune ouvre jusqu'à l'automne, qu'il pleuve ou non.";
    const plain = "l ecole d ete de la commune ouvre jusqu a l automne qu il pleuve ou non";
    assert.deepEqual(simhash(text), simhash(plain));
    assert.deepEqual(simhash(text), simhash(text.toUpperCase().replace(/'/g, '’')));
  });

  test('is a 64-bit value in two unsigned halves', () => {
    const hash = simhash(FRENCH_NEWS[0]!);
    for (const half of [hash.high, hash.low]) assert.ok(Number.isInteger(half) && half >= 0 && half <= 0xffffffff);
  });

  test('keeps an article with one or two words replaced within the threshold (seeded, 240 variants)', () => {
    const random = seededRandom(42);
    const distances: number[] = [];
    for (const article of buildArticles(FRENCH_NEWS)) {
      const original = simhash(article);
      for (let i = 0; i < 20; i++) distances.push(hammingDistance(original, simhash(buildVariant(random, article, 1 + (i % 2)))));
    }
    const within = distances.filter((distance) => distance <= SIMILAR_DISTANCE).length;
    // SimHash is probabilistic: on this corpus 99 % fall within; fewer than 95 % would mean the fingerprint got worse.
    assert.ok(within / distances.length >= 0.95, `${within} of ${distances.length} within ${SIMILAR_DISTANCE} bits`);
  });

  test('puts every pair of unrelated paragraphs beyond the threshold', () => {
    const hashes = FRENCH_NEWS.map(simhash);
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        const distance = hammingDistance(hashes[i]!, hashes[j]!);
        assert.ok(distance > SIMILAR_DISTANCE, `paragraphs ${i} and ${j} are only ${distance} bits apart`);
      }
    }
  });
});

describe('hammingDistance', () => {
  test('counts differing bits in both halves', () => {
    assert.equal(hammingDistance({ high: 0, low: 0 }, { high: 0, low: 0 }), 0);
    assert.equal(hammingDistance({ high: 0x80000001, low: 0b1011 }, { high: 0, low: 0 }), 5);
    assert.equal(hammingDistance({ high: 0xffffffff, low: 0xffffffff }, { high: 0, low: 0 }), 64);
  });
});

describe('simhashBands', () => {
  function flipBits(random: () => number, hash: SimHash, count: number): SimHash {
    let { high, low } = hash;
    const bits = new Set<number>();
    while (bits.size < count) bits.add(Math.floor(random() * 64));
    for (const bit of bits) {
      if (bit < 32) low ^= 1 << bit;
      else high ^= 1 << (bit - 32);
    }
    return { high: high >>> 0, low: low >>> 0 };
  }

  test(`splits a fingerprint into ${SIMILAR_DISTANCE + 1} bands covering all 64 bits`, () => {
    assert.equal(BAND_COUNT, SIMILAR_DISTANCE + 1);
    assert.deepEqual(simhashBands({ high: 0, low: 0b11 }), [3, 0, 0, 0, 0, 0, 0]);
    const ones = simhashBands({ high: 0xffffffff, low: 0xffffffff });
    const bits = ones.reduce((sum, band) => sum + Math.log2(band + 1), 0);
    assert.equal(bits, 64);
  });

  test('leaves at least one band equal between fingerprints within the threshold (seeded)', () => {
    const random = seededRandom(99);
    for (let i = 0; i < 5_000; i++) {
      const a = { high: Math.floor(random() * 2 ** 32), low: Math.floor(random() * 2 ** 32) };
      const b = flipBits(random, a, Math.floor(random() * (SIMILAR_DISTANCE + 1)));
      const bandsA = simhashBands(a);
      const bandsB = simhashBands(b);
      assert.ok(bandsA.some((band, index) => band === bandsB[index]), `no shared band at distance ${hammingDistance(a, b)}`);
    }
  });
});
