import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../test-support/databases.js';
import { addTestUser, startTestSite } from '../test-support/test-site.js';
import { hitRateLimit } from '../http/rate-limit-store.js';
import { runHousekeeping } from './housekeeping.js';

for (const dialect of DIALECTS) {
  test(`housekeeping forgets expired sessions and old rate-limit windows, keeps live ones (${dialect})`, async () => {
    const site = await startTestSite(dialect);
    try {
      const { id } = await addTestUser(site, 'editor');
      const start = new Date('2026-01-10T10:00:00Z');
      site.setNow(start);
      const old = await site.relais.accounts.openSession(id);
      await hitRateLimit(site.relais.db.kysely, 'login:ip:192.0.2.1', { limit: 5, windowSeconds: 900 }, start);
      const later = new Date(start.getTime() + 8 * 86400_000);
      site.setNow(later);
      const live = await site.relais.accounts.openSession(id);
      await hitRateLimit(site.relais.db.kysely, 'login:ip:192.0.2.2', { limit: 5, windowSeconds: 900 }, later);

      await runHousekeeping(site.relais.db, later);

      const sessions = await site.relais.db.kysely.selectFrom('sessions').select('id').execute();
      assert.deepEqual(sessions.map((s) => s.id), [live.id]);
      assert.ok(!sessions.some((s) => s.id === old.id));
      const limits = await site.relais.db.kysely.selectFrom('rate_limits').select('key').execute();
      assert.deepEqual(limits.map((l) => l.key), ['login:ip:192.0.2.2']);
    } finally {
      await site.close();
    }
  });
}
