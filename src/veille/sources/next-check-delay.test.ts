import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCachingHints } from '../fetch/parse-caching-hints.js';
import { nextCheckDelay } from './next-check-delay.js';

const now = new Date('2026-11-29T12:00:00Z');
const hourly = ['2026-11-29T11:00:00Z', '2026-11-29T09:00:00Z', '2026-11-29T10:00:00Z'];

test('next check: the feed’s rhythm, cache hints, bounds, back-off and Retry-After', () => {
  const cases: [string, Parameters<typeof nextCheckDelay>[0], number][] = [
    ['one item an hour', { now, publishedDates: hourly, errorCount: 0 }, 3600],
    ['rhythm unknown', { now, publishedDates: ['2026-11-29T11:00:00Z'], errorCount: 0 }, 3600],
    ['never below 5 min', { now, publishedDates: ['2026-11-29T11:00:00Z', '2026-11-29T11:00:30Z'], errorCount: 0 }, 300],
    ['never past 24 h', { now, publishedDates: ['2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z'], errorCount: 0 }, 86_400],
    ['max-age over the rhythm', { now, publishedDates: hourly, caching: parseCachingHints({ 'cache-control': 'max-age=7200' }, now), errorCount: 0 }, 7200],
    ['Expires over the rhythm', { now, publishedDates: hourly, caching: parseCachingHints({ expires: 'Sun, 29 Nov 2026 15:00:00 GMT' }, now), errorCount: 0 }, 10_800],
    ['no-cache ignores max-age', { now, publishedDates: hourly, caching: parseCachingHints({ 'cache-control': 'no-cache, max-age=7200' }, now), errorCount: 0 }, 3600],
    ['RSS ttl over the rhythm', { now, publishedDates: hourly, ttlSeconds: 14_400, errorCount: 0 }, 14_400],
    ['first error', { now, publishedDates: [], errorCount: 1 }, 300],
    ['fourth error', { now, publishedDates: [], errorCount: 4 }, 2400],
    ['back-off bounded', { now, publishedDates: [], errorCount: 40 }, 86_400],
    ['Retry-After past the bound', { now, publishedDates: [], errorCount: 1, retryAfterSeconds: 172_800 }, 172_800],
    ['Retry-After on a success', { now, publishedDates: hourly, caching: parseCachingHints({ 'retry-after': '5000' }, now), errorCount: 0 }, 5000],
    ['a full page comes back sooner', { now, publishedDates: hourly, soonerSeconds: 600, errorCount: 0 }, 600],
    ['sooner, never below 5 min', { now, publishedDates: hourly, soonerSeconds: 60, errorCount: 0 }, 300],
    ['a spent rate limit over sooner', { now, publishedDates: hourly, soonerSeconds: 60, retryAfterSeconds: 900, errorCount: 0 }, 900],
  ];
  for (const [name, inputs, expected] of cases) assert.equal(nextCheckDelay(inputs), expected, name);
});
