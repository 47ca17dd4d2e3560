import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldTokens } from './fold-tokens.js';
import { stemFrenchWord } from './stem-french-word.js';
import { seededRandom } from '../../markup/testdata/seeded-random.js';
import { referenceWords } from './testdata/reference-match.js';

test('folds case, accents and ligatures', () => {
  assert.deepEqual(foldTokens('ÉTÉ Été été Œuvre cœur Straße'), ['ete', 'ete', 'ete', 'oeuvre', 'coeur', 'strasse']);
  // Already decomposed text (e + combining acute) folds the same.
  assert.deepEqual(foldTokens('e\u0301te\u0301'), ['ete']);
});

test('drops French elisions with straight and typographic apostrophes, joins other apostrophes', () => {
  assert.deepEqual(foldTokens("l'école d’été qu’il n'a j'ai s'est c'était m'a t'a jusqu'à"), ['ecole', 'ete', 'il', 'a', 'ai', 'est', 'etait', 'a', 'a', 'a']);
  assert.deepEqual(foldTokens('aujourd’hui'), ['aujourdhui']);
  assert.deepEqual(foldTokens("l'  école 'citation'"), ['l', 'ecole', 'citation']);
});

test('splits on punctuation, hyphens and symbols, keeps digits, and gives offsets in the original text', () => {
  const offsets: number[] = [];
  assert.deepEqual(foldTokens('Saint-Étienne, 2024 : l’Été…', offsets), ['saint', 'etienne', '2024', 'ete']);
  assert.deepEqual(offsets, [0, 5, 6, 13, 15, 19, 24, 27]);
});

test('stems plurals, feminines and common verb endings lightly', () => {
  const same: readonly (readonly string[])[] = [
    ['festival', 'festivals'],
    ['journal', 'journaux'],
    ['eau', 'eaux'],
    ['chateau', 'chateaux'],
    ['jeu', 'jeux'],
    ['communal', 'communale', 'communales', 'communaux'],
    ['organise', 'organisee', 'organisees', 'organiser', 'organises'],
    ['nouvel', 'nouvelle', 'nouvelles'],
    ['sportif', 'sportive', 'sportives'],
    ['parisien', 'parisienne'],
    ['elu', 'elue', 'elus', 'elues'],
  ];
  for (const forms of same) assert.equal(new Set(forms.map(stemFrenchWord)).size, 1, forms.join(' '));
  // Short words and words with digits stay whole, -ss is no plural; distinct words stay apart.
  assert.equal(stemFrenchWord('bus'), 'bus');
  assert.equal(stemFrenchWord('2024s'), '2024s');
  assert.equal(stemFrenchWord('process'), 'proces');
  assert.notEqual(stemFrenchWord('budget'), stemFrenchWord('budgetaire'));
});

test('gives the same words with and without offsets, and as the reference splitter, on random Unicode (seeded)', () => {
  const random = seededRandom(5);
  const samples = ['ʼ', 'ǽ', 'É', 'é', 'e\u0301', 'Œ', 'ß', 'İ', 'Σ', 'ς', 'σ', 'ǅ', 'Å', 'Ω', '한', '文', 'ﬁ', '½', '²', "'", '’', ' ', '-', 'l', 'L', 'qu', 'a', 'Z', '9', '\u0301'];
  for (let i = 0; i < 5_000; i++) {
    let text = '';
    for (let k = Math.floor(random() * 12); k > 0; k--) {
      text += random() < 0.7 ? samples[Math.floor(random() * samples.length)] : String.fromCharCode(Math.floor(random() * 0xd7ff) + 1);
    }
    assert.deepEqual(foldTokens(text), foldTokens(text, []), JSON.stringify(text));
    assert.deepEqual(foldTokens(text), referenceWords(text), JSON.stringify(text));
  }
});
