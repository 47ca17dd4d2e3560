import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mapArticleForumMode, mapArticleStatus, mapAuthorRole, mapForumStatus, mapSiteForumMode, parseSpipDate, splitSpipTitle } from './map-spip-values.js';

describe('SPIP values', () => {
  test('only published SPIP articles and messages become public', () => {
    assert.deepEqual(['publie', 'prop', 'prepa', 'refuse', 'poubelle', ''].map(mapArticleStatus), ['published', 'proposed', 'draft', undefined, undefined, undefined]);
    assert.deepEqual(['publie', 'prop', 'off', 'spam', 'prive', 'privrac', 'privadm', 'perso'].map(mapForumStatus),
      ['published', 'proposed', 'rejected', 'spam', undefined, undefined, undefined, undefined]);
  });

  test('maps forum modes, roles and dates', () => {
    assert.deepEqual(['pos', 'pri', 'abo', 'non', ''].map(mapArticleForumMode), ['pos', 'pri', 'abo', 'non', null]);
    assert.deepEqual(['posteriori', 'priori', 'abonnement', 'non', undefined].map(mapSiteForumMode), ['pos', 'pri', 'abo', 'non', undefined]);
    assert.deepEqual(['0minirezo', '1comite', '6forum', '5poubelle'].map(mapAuthorRole), ['admin', 'editor', 'visitor', undefined]);
    assert.equal(parseSpipDate('2024-06-01 08:30:15', 'Europe/Paris'), '2024-06-01T06:30:15.000Z');
    assert.equal(parseSpipDate('2024-01-10 10:00:00', 'Europe/Paris'), '2024-01-10T09:00:00.000Z');
    assert.equal(parseSpipDate('0000-00-00 00:00:00', 'Europe/Paris'), undefined);
  });

  test('reads SPIP’s ordering number out of a title', () => {
    assert.deepEqual(splitSpipTitle('02. Culture & loisirs'), { title: 'Culture & loisirs', rank: 2 });
    assert.deepEqual(splitSpipTitle('2024. Une année'), { title: 'Une année', rank: 2024 });
    assert.deepEqual(splitSpipTitle('Budget 2025'), { title: 'Budget 2025', rank: undefined });
  });
});
