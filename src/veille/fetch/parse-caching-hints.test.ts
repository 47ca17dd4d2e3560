import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCachingHints } from './parse-caching-hints.js';

const now = new Date('2026-11-29T12:00:00Z');

describe('parseCachingHints', () => {
  test('reads max-age among other directives, quoted or not, and no-cache / no-store', () => {
    assert.equal(parseCachingHints({ 'cache-control': 'public, MAX-AGE=3600, must-revalidate' }, now).maxAgeSeconds, 3600);
    assert.equal(parseCachingHints({ 'cache-control': 'max-age="60"' }, now).maxAgeSeconds, 60);
    assert.equal(parseCachingHints({ 'cache-control': 'max-age=-1' }, now).maxAgeSeconds, undefined);
    assert.equal(parseCachingHints({ 'cache-control': 'no-store' }, now).noCache, true);
    assert.equal(parseCachingHints({ 'cache-control': 'private' }, now).noCache, false);
  });

  test('reads Expires, an invalid one meaning already expired (RFC 9111 §5.3)', () => {
    assert.equal(parseCachingHints({ expires: 'Sun, 29 Nov 2026 13:00:00 GMT' }, now).expires?.toISOString(), '2026-11-29T13:00:00.000Z');
    assert.equal(parseCachingHints({ expires: '0' }, now).expires?.getTime(), 0);
    assert.equal(parseCachingHints({}, now).expires, undefined);
  });

  test('reads Retry-After as seconds or as an HTTP date, never negative', () => {
    assert.equal(parseCachingHints({ 'retry-after': '120' }, now).retryAfterSeconds, 120);
    assert.equal(parseCachingHints({ 'retry-after': 'Sun, 29 Nov 2026 12:05:00 GMT' }, now).retryAfterSeconds, 300);
    assert.equal(parseCachingHints({ 'retry-after': 'Sun, 29 Nov 2026 11:00:00 GMT' }, now).retryAfterSeconds, 0);
    assert.equal(parseCachingHints({ 'retry-after': 'bientôt' }, now).retryAfterSeconds, undefined);
  });

  test('returns a frozen value with every field undefined when nothing is said', () => {
    const hints = parseCachingHints({}, now);
    assert.deepEqual(hints, { maxAgeSeconds: undefined, noCache: false, expires: undefined, retryAfterSeconds: undefined });
    assert.ok(Object.isFrozen(hints));
  });
});
