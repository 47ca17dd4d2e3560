import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInClients, type SignedInClient } from '../../test-support/admin-test-client.js';
import { DIALECTS } from '../../test-support/databases.js';
import { startTestSite, type TestSite } from '../../test-support/test-site.js';
import { addSource, recordSourcePoll } from './store.js';

const LIST = '/ecrire/veille/sources';

/** The source links of a list page, in order. */
function rowsOf(body: string): string[] {
  return [...body.matchAll(/<th scope="row"><a href="\/ecrire\/veille\/sources\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]!);
}

for (const dialect of DIALECTS) {
  describe(`the sources list, page by page, on ${dialect}`, () => {
    let site: TestSite;
    let reader: SignedInClient;
    before(async () => {
      site = await startTestSite(dialect);
      ({ reader } = await signedInClients(site, ['reader']));
      const now = new Date('2026-11-29T12:00:00Z');
      for (let n = 1; n <= 58; n++) {
        const title = `Source ${String(n).padStart(2, '0')}`;
        const source = (await addSource(site.relais.db.kysely, { url: `https://pages.exemple.fr/${n}`, kind: n % 2 === 0 ? 'feed' : 'mastodon', title }, now))!;
        // Every source but the first three fails: 55 in error.
        if (n > 3) await recordSourcePoll(site.relais.db.kysely, source.id, { last_status: 'error', last_error: 'Le serveur rencontre un problème (erreur 500).', error_count: 1 });
      }
    });
    after(async () => {
      await site?.close();
    });

    test('shows 50 sources a page with the counts of all, and keeps the state filter from page to page', async () => {
      const first = await reader.get(LIST);
      assert.equal(rowsOf(first.body).length, 50);
      assert.match(first.body, />Toutes \(58\)</);
      assert.match(first.body, />En erreur \(55\)</);
      assert.match(first.body, /Page 1 sur 2/);
      assert.match(first.body, /<a rel="next" href="\/ecrire\/veille\/sources\?page=2">Page suivante<\/a>/);
      assert.deepEqual(rowsOf((await reader.get(`${LIST}?page=2`)).body), ['Source 51', 'Source 52', 'Source 53', 'Source 54', 'Source 55', 'Source 56', 'Source 57', 'Source 58']);

      const errors = await reader.get(`${LIST}?etat=error`);
      const firstErrors = rowsOf(errors.body);
      assert.equal(firstErrors.length, 50);
      assert.equal(firstErrors[0], 'Source 04');
      assert.match(errors.body, /<a rel="next" href="\/ecrire\/veille\/sources\?etat=error&amp;page=2">Page suivante<\/a>/);
      const second = await reader.get(`${LIST}?etat=error&page=2`);
      assert.deepEqual(rowsOf(second.body), ['Source 54', 'Source 55', 'Source 56', 'Source 57', 'Source 58']);
      assert.match(second.body, /Page 2 sur 2/);
      assert.match(second.body, /<a rel="prev" href="\/ecrire\/veille\/sources\?etat=error">Page précédente<\/a>/);
      assert.match(second.body, /aria-current="page">En erreur \(55\)/);

      const active = await reader.get(`${LIST}?etat=active`);
      assert.deepEqual(rowsOf(active.body), ['Source 01', 'Source 02', 'Source 03']);
      assert.doesNotMatch(active.body, /Page suivante/);
      assert.match(active.body, /<td>Mastodon<\/td>/);
    });
  });
}
