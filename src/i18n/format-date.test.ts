import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLongDate, formatMonthYear, fromLocalInputValue, toLocalInputValue } from './format-date.js';

test('writes month and year in French, in the site time zone', () => {
  assert.equal(formatMonthYear('2012-04-03T10:00:00.000Z', 'fr', 'Europe/Paris'), 'avril 2012');
  // 23:30 UTC on 31 March is already April in Paris.
  assert.equal(formatMonthYear('2012-03-31T23:30:00.000Z', 'fr', 'Europe/Paris'), 'avril 2012');
});

test('writes the first of the month as 1er', () => {
  assert.equal(formatLongDate('2026-05-01T08:00:00.000Z', 'fr', 'Europe/Paris'), '1er mai 2026');
  assert.equal(formatLongDate('2026-05-02T08:00:00.000Z', 'fr', 'Europe/Paris'), '2 mai 2026');
});

test('reads a local date-time typed in Paris back to the same instant, summer and winter', () => {
  for (const iso of ['2026-07-14T20:30:00.000Z', '2026-12-24T17:00:00.000Z']) {
    const local = toLocalInputValue(iso, 'Europe/Paris');
    assert.equal(fromLocalInputValue(local, 'Europe/Paris')?.toISOString(), iso);
  }
  assert.equal(toLocalInputValue('2026-07-14T20:30:00.000Z', 'Europe/Paris'), '2026-07-14T22:30');
  assert.equal(fromLocalInputValue('pas une date', 'Europe/Paris'), undefined);
});
