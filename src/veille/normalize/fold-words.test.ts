import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { foldWords } from './fold-words.js';

describe('foldWords', () => {
  test('lower-cases, folds accents and splits French elisions, with either apostrophe', () => {
    assert.deepEqual(foldWords("L'Été à Évry, qu’il pleuve jusqu'à l'aube !"), [
      'l', 'ete', 'a', 'evry', 'qu', 'il', 'pleuve', 'jusqu', 'a', 'l', 'aube',
    ]);
  });

  test('keeps an apostrophe that is no elision inside one word', () => {
    assert.deepEqual(foldWords("Aujourd'hui, don't"), ['aujourdhui', 'dont']);
  });

  test('treats punctuation, symbols and every kind of space as separators', () => {
    assert.deepEqual(foldWords('«\u00a0Rue\u202fHugo\u00a0» — 3,5\u00a0% / 2026…(bis)'), ['rue', 'hugo', '3', '5', '2026', 'bis']);
  });

  test('keeps letters of other scripts and digits', () => {
    assert.deepEqual(foldWords('Ελλάδα Москва 2026'), ['ελλαδα', 'москва', '2026']);
  });
});
