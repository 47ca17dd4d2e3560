import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHealth } from './page-health.js';

const now = new Date('2026-11-29T12:00:00Z');
const page = { active: 1, last_error_at: null, last_success_at: null, token_expires_at: null };

test('tells a page’s connection in a few words: paused, failing, token expiring or expired, working, unused', () => {
  assert.equal(pageHealth(page, now), 'Pas encore utilisée');
  assert.equal(pageHealth({ ...page, last_success_at: '2026-11-29T10:00:00.000Z' }, now), 'Fonctionne');
  assert.equal(pageHealth({ ...page, last_success_at: '2026-11-29T10:00:00.000Z', last_error_at: '2026-11-29T11:00:00.000Z' }, now), 'En erreur');
  assert.equal(pageHealth({ ...page, last_success_at: '2026-11-29T11:30:00.000Z', last_error_at: '2026-11-29T11:00:00.000Z' }, now), 'Fonctionne');
  assert.equal(pageHealth({ ...page, last_success_at: '2026-11-29T10:00:00.000Z', token_expires_at: '2026-12-02T00:00:00.000Z' }, now), 'Jeton bientôt expiré');
  assert.equal(pageHealth({ ...page, token_expires_at: '2026-11-28T00:00:00.000Z' }, now), 'Jeton expiré');
  assert.equal(pageHealth({ ...page, token_expires_at: '2027-06-01T00:00:00.000Z', last_success_at: '2026-11-29T10:00:00.000Z' }, now), 'Fonctionne');
  assert.equal(pageHealth({ ...page, active: 0, last_error_at: '2026-11-29T11:00:00.000Z' }, now), 'Désactivée');
});
