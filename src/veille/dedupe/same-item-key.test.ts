import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sameItemKey } from './same-item-key.js';

describe('sameItemKey', () => {
  const base = { sourceId: 's1', contentHash: 'c0ffee' };

  test('identifies an item by its guid first', () => {
    assert.equal(sameItemKey({ ...base, guid: 'tag:x,1', canonicalLink: 'https://x.fr/1' }), 's1 guid:tag:x,1');
  });

  test('falls back to the canonical link, then to the content hash', () => {
    assert.equal(sameItemKey({ ...base, guid: '  ', canonicalLink: 'https://x.fr/1' }), 's1 link:https://x.fr/1');
    assert.equal(sameItemKey(base), 's1 hash:c0ffee');
  });

  test('never gives two sources the same key', () => {
    assert.notEqual(sameItemKey({ ...base, guid: 'a' }), sameItemKey({ ...base, sourceId: 's2', guid: 'a' }));
  });
});
