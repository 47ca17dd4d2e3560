import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveMulti } from './resolve-multi.js';

describe('resolveMulti', () => {
  test('keeps the site language’s part of each multilingual block', () => {
    const title = 'Agenda : <multi>[fr]Fête du village[en]Village party</multi> 2024';
    assert.equal(resolveMulti(title, 'fr'), 'Agenda : Fête du village 2024');
    assert.equal(resolveMulti(title, 'en'), 'Agenda : Village party 2024');
  });

  test('falls back to the first part, and leaves other text alone', () => {
    assert.equal(resolveMulti('<multi>Défaut[en]Default</multi>', 'de'), 'Défaut');
    assert.equal(resolveMulti('<multi>[es]Fiesta[en]Party</multi>', 'fr'), 'Fiesta');
    assert.equal(resolveMulti('Sans bloc [fr] ni rien', 'fr'), 'Sans bloc [fr] ni rien');
  });
});
