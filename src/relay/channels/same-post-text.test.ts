import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fromLittleText, toLittleText } from './linkedin/little-text.js';
import { samePostText } from './same-post-text.js';

describe('samePostText', () => {
  test('sets aside links as networks rewrite them, and white space', () => {
    const sent = 'Conseil municipal\n\nCe soir à 18 h : https://www.ville-exemple.fr/conseil';
    assert.ok(samePostText('Conseil municipal Ce soir à 18 h : https://t.co/Ab0Cd3fGh', sent));
    assert.ok(samePostText('Conseil municipal Ce soir à 18 h : www.ville-exemple.fr/conseil...', sent));
    assert.ok(samePostText('Conseil municipal Ce soir a\u0300 18 h : https://t.co/x', sent), 'compared in NFC');
  });

  test('tells different posts apart, and never matches an empty text', () => {
    assert.equal(samePostText('Conseil municipal demain https://t.co/x', 'Conseil municipal ce soir https://t.co/x'), false);
    assert.equal(samePostText('', ''), false);
  });
});

describe('LinkedIn little text', () => {
  test('escapes every reserved character and reads it back unchanged', () => {
    const text = 'a\\b|c{d}e@f[g]h(i)j<k>l#1 m*n_o~p #Emploi_Local';
    const escaped = toLittleText(text);
    assert.equal(escaped, 'a\\\\b\\|c\\{d\\}e\\@f\\[g\\]h\\(i\\)j\\<k\\>l\\#1 m\\*n\\_o\\~p {hashtag|\\#|Emploi\\_Local}');
    assert.equal(fromLittleText(escaped), text);
  });
});
