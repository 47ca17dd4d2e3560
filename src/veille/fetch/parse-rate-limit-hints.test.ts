import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRateLimitHints } from './parse-rate-limit-hints.js';

const NOW = new Date('2026-11-29T13:00:00Z');

describe('parseRateLimitHints', () => {
  test('reads Mastodon’s ISO 8601 reset date', () => {
    assert.deepEqual(parseRateLimitHints({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2026-11-29T13:10:00.000Z' }, NOW), { remaining: 0, resetSeconds: 600 });
  });

  test('reads Reddit’s seconds and fractional remaining count', () => {
    assert.deepEqual(parseRateLimitHints({ 'x-ratelimit-remaining': '598.0', 'x-ratelimit-reset': '412' }, NOW), { remaining: 598, resetSeconds: 412 });
  });

  test('reads a Unix time, as Bluesky’s RateLimit-Reset gives it', () => {
    const reset = String(NOW.getTime() / 1000 + 90);
    assert.deepEqual(parseRateLimitHints({ 'ratelimit-remaining': '3', 'ratelimit-reset': reset }, NOW), { remaining: 3, resetSeconds: 90 });
  });

  test('a reset already past is 0; absent or unreadable headers are undefined', () => {
    assert.equal(parseRateLimitHints({ 'x-ratelimit-reset': '2026-11-29T12:00:00Z' }, NOW).resetSeconds, 0);
    assert.deepEqual(parseRateLimitHints({}, NOW), { remaining: undefined, resetSeconds: undefined });
    assert.deepEqual(parseRateLimitHints({ 'x-ratelimit-remaining': 'beaucoup', 'x-ratelimit-reset': 'bientôt' }, NOW), { remaining: undefined, resetSeconds: undefined });
    assert.deepEqual(parseRateLimitHints({ 'x-ratelimit-remaining': '-1', 'x-ratelimit-reset': '0' }, NOW), { remaining: undefined, resetSeconds: 0 });
  });
});
