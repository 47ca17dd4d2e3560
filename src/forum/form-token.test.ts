import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFormTokens } from './form-token.js';

describe('forum form time tokens', () => {
  const key = Buffer.alloc(32, 7);
  let now = new Date('2026-11-25T10:00:00Z');
  const tokens = createFormTokens(key, () => now);
  const later = (ms: number) => { now = new Date(now.getTime() + ms); };

  test('refuses a token used within 3 seconds, accepts it after, refuses it after 12 hours', () => {
    const token = tokens.issue();
    later(2_999);
    assert.equal(tokens.check(token), 'too-soon');
    later(1);
    assert.equal(tokens.check(token), 'ok');
    later(12 * 3600_000 - 3_000);
    assert.equal(tokens.check(token), 'ok');
    later(1);
    assert.equal(tokens.check(token), 'expired');
  });

  test('refuses a forged, altered, missing or foreign token', () => {
    const token = tokens.issue();
    later(5_000);
    const [issued, mac] = token.split('.') as [string, string];
    assert.equal(tokens.check(`${Number(issued) - 60_000}.${mac}`), 'invalid');
    assert.equal(tokens.check(`${issued}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`), 'invalid');
    assert.equal(tokens.check(undefined), 'invalid');
    assert.equal(tokens.check('n’importe quoi'), 'invalid');
    assert.equal(createFormTokens(Buffer.alloc(32, 8), () => now).check(token), 'invalid');
  });
});

test('follows the limits it is given instead of the defaults', () => {
  let now = new Date('2026-11-25T10:00:00Z');
  const tokens = createFormTokens(Buffer.alloc(32, 5), () => now);
  const token = tokens.issue();
  const rules = { minAgeMs: 10_000, maxAgeMs: 60_000 };
  now = new Date(now.getTime() + 9_999);
  assert.equal(tokens.check(token, rules), 'too-soon');
  assert.equal(tokens.check(token), 'ok');
  now = new Date(now.getTime() + 50_002);
  assert.equal(tokens.check(token, rules), 'expired');
  assert.equal(tokens.check(token, { minAgeMs: 0, maxAgeMs: 3600_000 }), 'ok');
});

test('never lets a token through sooner than 3 seconds after it was served, whatever the millisecond', () => {
  let now = new Date('2026-11-25T10:00:00.900Z');
  const tokens = createFormTokens(Buffer.alloc(32, 9), () => now);
  const token = tokens.issue();
  now = new Date(now.getTime() + 2_999);
  assert.equal(tokens.check(token), 'too-soon');
  now = new Date(now.getTime() + 1_101);
  assert.equal(tokens.check(token), 'ok');
});
