import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../markup/testdata/seeded-random.js';
import { createWatchIndex } from './create-watch-index.js';
import { foldTokens } from './fold-tokens.js';
import { parseWatchQuery } from './parse-watch-query.js';
import { stemFrenchWord } from './stem-french-word.js';
import { referenceMatch, referenceStem, referenceWords } from './testdata/reference-match.js';
import { randomItem, randomQuery, randomText, VOCABULARY } from './testdata/random-watch.js';
import type { WatchQuery } from './watch-query.js';

function expectedMatches(queries: ReadonlyMap<number, WatchQuery>, item: Parameters<typeof referenceMatch>[1]): number[] {
  return [...queries].filter(([, query]) => referenceMatch(query, item)).map(([id]) => id).sort((a, b) => a - b);
}

test('the engine returns exactly what the reference evaluator finds, as watches are added, changed and removed (seeded)', () => {
  // Seed 3 runs with a lexicon of 40 words: unused words are forgotten again and again.
  for (const seed of [1, 2, 3]) {
    const random = seededRandom(seed);
    const index = createWatchIndex(seed === 3 ? { maxWords: 40 } : {});
    const queries = new Map<number, WatchQuery>();
    let matchedSomewhere = 0;
    for (let round = 0; round < 6; round++) {
      for (let n = 0; n < 60; n++) {
        const id = Math.floor(random() * 150);
        if (random() < 0.15) {
          index.remove(id);
          queries.delete(id);
          continue;
        }
        const text = randomQuery(random);
        const query = parseWatchQuery(text);
        index.set(id, query);
        queries.set(id, query);
      }
      assert.equal(index.size, queries.size);
      for (let i = 0; i < 80; i++) {
        const item = randomItem(random);
        const expected = expectedMatches(queries, item);
        matchedSomewhere += expected.length;
        assert.deepEqual(index.match(item), expected, `seed ${seed}, item ${JSON.stringify(item)}`);
      }
    }
    // The draw is rich enough to say something: many matches, and not every watch matching.
    assert.ok(matchedSomewhere > 1_000, `only ${matchedSomewhere} matches for seed ${seed}`);
  }
});

test('the engine splits and stems words as the reference does (seeded random texts)', () => {
  const random = seededRandom(7);
  for (let i = 0; i < 2_000; i++) {
    const text = randomText(random, 12);
    assert.deepEqual(foldTokens(text), referenceWords(text), text);
  }
  for (const word of VOCABULARY.flatMap(referenceWords)) assert.equal(stemFrenchWord(word), referenceStem(word), word);
});
