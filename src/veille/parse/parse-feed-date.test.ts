import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateOrProblem, parseFeedDate } from './parse-feed-date.js';

const READABLE: ReadonlyArray<readonly [string, string]> = [
  ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05T10:00:00Z'],
  ['mar., 05 mars 2024 10:00:00 +0100', '2024-03-05T09:00:00Z'],
  ['Tue, 5 Mar 99 10:00 GMT', '1999-03-05T10:00:00Z'],
  ['Tue, 5 Mar 24 10:00 GMT', '2024-03-05T10:00:00Z'],
  ['2024-03-05T10:00:00+01:00', '2024-03-05T09:00:00Z'],
  ['2024-03-05T10:00:00.5-02:30', '2024-03-05T12:30:00Z'],
  ['20240305T100000Z', '2024-03-05T10:00:00Z'],
  ['lundi 1er avril 2024 à 14h30', '2024-04-01T14:30:00Z'],
  ['15 févr. 2024', '2024-02-15T00:00:00Z'],
  ['3 juillet 2024 08:00', '2024-07-03T08:00:00Z'],
  ['3 juin 2024', '2024-06-03T00:00:00Z'],
  ['Wed, 02 Oct 2002 15:00:00 +0200 (CEST)', '2002-10-02T13:00:00Z'],
  ['Wed, 02 Oct 2002 13:00:00 GMT+2', '2002-10-02T11:00:00Z'],
  ['Thu, 29 Feb 2024 08:00:00 PST', '2024-02-29T16:00:00Z'],
  ['March 5, 2024 18:45', '2024-03-05T18:45:00Z'],
];

test('reads RFC 822, ISO 8601 and French dates as ISO 8601 UTC', () => {
  for (const [text, iso] of READABLE) assert.equal(parseFeedDate(text), iso, text);
});

test('gives undefined for what is not a date, an impossible day or an unknown zone', () => {
  for (const text of ['', 'hier', 'Sat, 31 Feb 2024 10:00:00 GMT', '2024-13-01', 'Tue, 05 Mar 2024 10:00:00 XYZ', 'ju 5 2024', '9'.repeat(200)]) {
    assert.equal(parseFeedDate(text), undefined, text);
  }
});

test('records an unreadable date as a French problem and ignores an absent one', () => {
  const problems: string[] = [];
  assert.equal(dateOrProblem('  ', problems), undefined);
  assert.equal(dateOrProblem('bientôt', problems), undefined);
  assert.deepEqual(problems, ['La date « bientôt » est illisible ; elle est ignorée.']);
});
