import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerpt, plainText } from './excerpt.js';

test('trims an excerpt on a word boundary and ends it with (...)', () => {
  const text = 'Le conseil municipal se réunira jeudi soir en mairie pour voter le budget';
  const result = excerpt(text, 30);
  assert.equal(result, 'Le conseil municipal se (...)');
  assert.ok(text.startsWith(result.replace(' (...)', '')));
});

test('never cuts inside a word, whatever the limit', () => {
  const text = 'Inscriptions ouvertes pour la brocante du quartier des Capucins';
  for (let max = 10; max < text.length; max++) {
    const kept = excerpt(text, max).replace(/ \(\.\.\.\)$/, '');
    assert.ok(kept.length <= max, `at ${max}: ${kept}`);
    assert.ok(text.startsWith(kept) && (text[kept.length] === ' ' || kept.length === max), `at ${max}: "${kept}"`);
  }
});

test('leaves a short text whole, without the mark', () => {
  assert.equal(excerpt('Court.', 200), 'Court.');
});

test('drops punctuation left hanging before the mark', () => {
  assert.equal(excerpt('Bonjour, voici la suite du texte', 8), 'Bonjour (...)');
});

test('reads the words out of SPIP shortcuts', () => {
  assert.equal(plainText('{{Fête}} au [parc->https://ex.fr][[Une note]] et {italique}'), 'Fête au parc et italique');
  assert.equal(plainText('{{{Intertitre}}}\n\n-* un\n-* deux'), 'Intertitre un deux');
});
