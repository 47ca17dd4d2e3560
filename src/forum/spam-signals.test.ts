import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OBVIOUS_SPAM_SCORE, spamSignals } from './spam-signals.js';

describe('spam signals', () => {
  test('let a message with a link or two through without any signal', () => {
    assert.deepEqual(spamSignals('Voir [le plan->https://a.fr/plan] et https://b.fr', { duplicate: false }), { score: 0, reasons: [] });
  });

  test('count links from the third on, and weigh five or more as obvious spam', () => {
    assert.equal(spamSignals('https://a.fr https://b.fr https://c.fr', { duplicate: false }).score, 1);
    const many = spamSignals('[a->https://a.fr] [b->https://b.fr] <a href="x">c</a> https://d.fr http://e.fr', { duplicate: false });
    assert.equal(many.score, 6);
    assert.ok(many.score >= OBVIOUS_SPAM_SCORE);
    assert.deepEqual(many.reasons, ['5 liens']);
  });

  test('weigh a text already received', () => {
    const signals = spamSignals('Achetez !', { duplicate: true });
    assert.equal(signals.score, 3);
    assert.match(signals.reasons[0]!, /identique/);
  });
});
