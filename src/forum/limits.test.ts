import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../test-support/databases.js';
import { signedInClients, type SignedInClient } from '../test-support/admin-test-client.js';
import { buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import { listAuditEntries } from '../audit/store.js';
import { DEFAULT_FORUM_LIMITS, readForumLimits, writeForumLimits } from './forum-limits.js';
import { postForumMessage } from './testdata/forum-test-helpers.js';

for (const dialect of DIALECTS) {
  describe(`forum limits as settings on ${dialect}`, () => {
    let site: TestSite;
    let slug: string;
    let as: Record<'admin' | 'moderator', SignedInClient>;
    let ip = 0;
    const nextIp = () => `192.0.2.${++ip}`;

    before(async () => {
      site = await startTestSite(dialect);
      slug = (await site.relais.blog.createArticle({ userId: null }, buildArticle())).slug;
      as = await signedInClients(site, ['admin', 'moderator']);
    });
    after(() => site?.close());

    test('an administrator sees the defaults, and a wrong value is pointed at with every value kept', async () => {
      const page = await as.admin.get('/ecrire/reglages/forum');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /id="f-maxMessageLength"[^>]*value="20000"|value="20000"[^>]*id="f-maxMessageLength"/);
      const response = await as.admin.post('/ecrire/reglages/forum', {
        minDelaySeconds: 'trois', maxDelayHours: '12', maxMessageLength: '20 000', postsPerAddress: '5', postsPerSite: '-1',
      }, '/ecrire/reglages/forum');
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Le formulaire contient 2 erreurs/);
      assert.match(response.body, /<a href="#f-minDelaySeconds">/);
      assert.match(response.body, /value="trois"/);
      assert.deepEqual(await readForumLimits(site.relais.db.kysely), DEFAULT_FORUM_LIMITS);
    });

    test('saving records who changed what; a moderator may not change the limits', async () => {
      const saved = await as.admin.post('/ecrire/reglages/forum', {
        minDelaySeconds: '3', maxDelayHours: '24', maxMessageLength: '20 000', postsPerAddress: '5', postsPerSite: '100',
      }, '/ecrire/reglages/forum');
      assert.equal(saved.statusCode, 303);
      assert.equal((await readForumLimits(site.relais.db.kysely)).maxDelayHours, 24);
      const [entry] = await listAuditEntries(site.relais.db.kysely, { limit: 1, offset: 0 });
      assert.equal(entry?.action, 'forum.limits.updated');
      assert.equal(entry?.userId, as.admin.id);
      assert.match(entry?.summary ?? '', /Durée de validité du formulaire : 24/);
      const refused = await as.moderator.post('/ecrire/reglages/forum', {
        minDelaySeconds: '0', maxDelayHours: '24', maxMessageLength: '20000', postsPerAddress: '0', postsPerSite: '0',
      }, '/ecrire/forum');
      assert.equal(refused.statusCode, 403);
      assert.equal((await readForumLimits(site.relais.db.kysely)).postsPerAddress, 5);
    });

    test('the form follows the saved delay and length, and says so', async () => {
      await writeForumLimits(site.relais.db.kysely, { minDelaySeconds: 10, maxMessageLength: 100 });
      try {
        const soon = await postForumMessage(site, slug, { nom: 'Pressé', texte: 'Quatre secondes' }, { ip: nextIp(), waitMs: 4_000 });
        assert.equal(soon.statusCode, 400);
        assert.match(soon.body, /moins de 10 secondes/);
        const long = await postForumMessage(site, slug, { nom: 'Long', texte: 'x'.repeat(101) }, { ip: nextIp(), waitMs: 11_000 });
        assert.equal(long.statusCode, 400);
        assert.match(long.body, /ne doit pas dépasser 100 caractères/);
        const fine = await postForumMessage(site, slug, { nom: 'Patient', texte: 'x'.repeat(100) }, { ip: nextIp(), waitMs: 11_000 });
        assert.equal(fine.statusCode, 303);
      } finally {
        await writeForumLimits(site.relais.db.kysely, { minDelaySeconds: 3, maxMessageLength: 20_000 });
      }
    });

    test('no limit per address when set to 0; the whole site’s limit stops a flood from many addresses, with its own message', async () => {
      await writeForumLimits(site.relais.db.kysely, { postsPerAddress: 0, postsPerSite: 8 });
      try {
        const address = nextIp();
        for (let i = 0; i < 7; i++) {
          assert.equal((await postForumMessage(site, slug, { nom: 'Prolixe', texte: `Message n° ${i}` }, { ip: address })).statusCode, 303, `message ${i}`);
        }
        // The site has now received 8 or more messages in this window (the ones above and the earlier test's).
        const flooded = await postForumMessage(site, slug, { nom: 'Innocent', texte: 'Mon premier message' }, { ip: nextIp() });
        assert.equal(flooded.statusCode, 429);
        assert.match(flooded.body, /Le forum reçoit un très grand nombre de messages/);
        assert.match(flooded.body, />Mon premier message<\/textarea>/);
      } finally {
        await writeForumLimits(site.relais.db.kysely, { postsPerAddress: 5, postsPerSite: 100 });
      }
    });
  });
}
