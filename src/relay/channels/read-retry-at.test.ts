import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readRetryAt } from './read-retry-at.js';

const NOW = new Date('2026-11-29T15:00:00.000Z');

describe('readRetryAt', () => {
  test('reads Retry-After in seconds or as an HTTP date', () => {
    assert.equal(readRetryAt({ 'retry-after': '120' }, NOW), '2026-11-29T15:02:00.000Z');
    assert.equal(readRetryAt({ 'retry-after': 'Sun, 29 Nov 2026 16:00:00 GMT' }, NOW), '2026-11-29T16:00:00.000Z');
  });

  test('reads Mastodon’s ISO date, Bluesky’s and X’s epoch seconds, a delay in seconds', () => {
    assert.equal(readRetryAt({ 'x-ratelimit-reset': '2026-11-29T15:05:00.000Z' }, NOW), '2026-11-29T15:05:00.000Z');
    assert.equal(readRetryAt({ 'ratelimit-reset': String(Date.parse('2026-11-29T15:10:00Z') / 1000) }, NOW), '2026-11-29T15:10:00.000Z');
    assert.equal(readRetryAt({ 'x-rate-limit-reset': String(Date.parse('2026-11-29T15:15:00Z') / 1000) }, NOW), '2026-11-29T15:15:00.000Z');
    assert.equal(readRetryAt({ 'ratelimit-reset': '30' }, NOW), '2026-11-29T15:00:30.000Z');
  });

  test('reads Meta’s estimated time to regain access, in minutes', () => {
    const usage = JSON.stringify({ '104729381726354': [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 12 }] });
    assert.equal(readRetryAt({ 'x-business-use-case-usage': usage }, NOW), '2026-11-29T15:12:00.000Z');
    assert.equal(readRetryAt({ 'x-business-use-case-usage': '{not json' }, NOW), undefined);
  });

  test('says nothing when no header does', () => {
    assert.equal(readRetryAt({ 'content-type': 'application/json' }, NOW), undefined);
  });
});
