import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listAuditEntries } from '../../audit/store.js';
import { decryptSecret } from '../../secrets/cipher.js';
import { createKeyring } from '../../secrets/keyring.js';
import { signedInClients, type SignedInClient } from '../../test-support/admin-test-client.js';
import { DIALECTS } from '../../test-support/databases.js';
import { formBody, startTestSite, type TestSite } from '../../test-support/test-site.js';
import { findSourceByUrl, getSource } from './store.js';

const LIST = '/ecrire/veille/sources';
const TOKEN = 'Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY';

for (const dialect of DIALECTS) {
  describe(`adding social sources in the back office on ${dialect}`, () => {
    let site: TestSite;
    let as: Record<'editor' | 'reader', SignedInClient>;
    before(async () => {
      site = await startTestSite(dialect);
      as = await signedInClients(site, ['editor', 'reader']);
    });
    after(async () => {
      await site?.close();
    });

    test('offers one form per network with French labels and its CSRF token; readers may not add, an unknown network is not found', async () => {
      const feedForm = await as.editor.get(`${LIST}/ajouter`);
      for (const kind of ['mastodon', 'bluesky', 'reddit', 'youtube']) assert.ok(feedForm.body.includes(`href="${LIST}/ajouter/${kind}"`), kind);
      const form = await as.editor.get(`${LIST}/ajouter/mastodon`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<label for="f-instance">Instance Mastodon<\/label>/);
      assert.match(form.body, /<label for="f-token">Jeton d’accès \(facultatif\)<\/label>/);
      assert.match(form.body, /name="_csrf" value="[^"]+"/);
      assert.match(form.body, /<input type="password"[^>]*name="token"/);
      assert.match((await as.editor.get(`${LIST}/ajouter/youtube`)).body, /Chaîne YouTube/);
      assert.equal((await as.editor.get(`${LIST}/ajouter/myspace`)).statusCode, 404);
      assert.equal((await as.reader.get(`${LIST}/ajouter/bluesky`)).statusCode, 403);
      assert.equal((await as.reader.post(`${LIST}/ajouter/bluesky`, { query: 'budget' })).statusCode, 403);
      const forged = await site.app.inject({ method: 'POST', url: `${LIST}/ajouter/bluesky`, ...formBody({ query: 'budget' }, as.editor.cookie) });
      assert.equal(forged.statusCode, 403);
      assert.equal(await findSourceByUrl(site.relais.db.kysely, 'https://bsky.app/search?q=budget'), undefined);
    });

    test('shows each adapter message beside its field, keeps what was typed, never sends the token back', async () => {
      const refused = await as.editor.post(`${LIST}/ajouter/mastodon`, { instance: '', mode: 'hashtag', hashtag: 'conseil municipal', query: 'gardé', token: TOKEN });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Le formulaire contient 2 erreurs/);
      assert.match(refused.body, /<p class="field-error" id="f-instance-error">Indiquez l’adresse de l’instance Mastodon/);
      assert.match(refused.body, /<p class="field-error" id="f-hashtag-error">Indiquez un mot-dièse sans espace/);
      assert.match(refused.body, /value="conseil municipal"/);
      assert.match(refused.body, /value="gardé"/);
      assert.match(refused.body, /<option value="hashtag" selected/);
      assert.doesNotMatch(refused.body, new RegExp(TOKEN));
      const reddit = await as.editor.post(`${LIST}/ajouter/reddit`, { mode: 'search', subreddit: '', query: '' });
      assert.match(reddit.body, /id="f-query-error">Indiquez les mots à rechercher/);
    });

    test('adds a Mastodon search with its token encrypted, journals it, and lists and shows it as Mastodon without the token', async () => {
      const added = await as.editor.post(`${LIST}/ajouter/mastodon`, { instance: 'piaille.fr', mode: 'search', hashtag: '', query: 'budget participatif', token: TOKEN });
      assert.equal(added.statusCode, 303, added.body);
      const id = Number(/\/sources\/(\d+)\?ok=ajoutee$/.exec(String(added.headers.location))?.[1]);
      const row = (await getSource(site.relais.db.kysely, id))!;
      assert.equal(row.url, 'https://piaille.fr/search?q=budget+participatif');
      assert.equal(decryptSecret(row.access_token!, createKeyring(site.relais.secretKey)), TOKEN);
      assert.doesNotMatch(row.config!, new RegExp(TOKEN));
      const entries = await listAuditEntries(site.relais.db.kysely, { limit: 5, offset: 0 });
      assert.ok(entries.some((e) => e.action === 'veille.source.added' && e.summary === row.url));
      assert.ok(entries.every((e) => !JSON.stringify(e).includes(TOKEN)));

      const detail = await as.reader.get(String(added.headers.location));
      assert.match(detail.body, /<dt>Type<\/dt><dd>Mastodon<\/dd>/);
      assert.match(detail.body, /Jeton d’accès<\/dt><dd>Enregistré, chiffré \(jamais réaffiché\)/);
      assert.doesNotMatch(detail.body, new RegExp(`${TOKEN}|${row.access_token!.slice(0, 20)}`));
      const again = await as.editor.post(`${LIST}/ajouter/mastodon`, { instance: 'https://piaille.fr/', mode: 'search', query: 'budget participatif' });
      assert.equal(again.headers.location, `${LIST}/${id}?ok=deja`);

      // An expired token is replaced from the source's page, or removed; the journal never holds it.
      const NEW_TOKEN = 'bm91dmVhdS1qZXRvbi1kZS10ZXN0LTk4NzY1';
      assert.doesNotMatch(detail.body, /Remplacer le jeton/, 'readers see no token form');
      assert.match((await as.editor.get(`${LIST}/${id}`)).body, /<label for="f-token">Remplacer le jeton<\/label>/);
      const wrong = await as.editor.post(`${LIST}/${id}/jeton`, { token: 'pas un jeton' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /id="f-token-error">Le jeton d’accès n’a pas la forme attendue/);
      assert.doesNotMatch(wrong.body, /pas un jeton/);
      assert.equal((await as.reader.post(`${LIST}/${id}/jeton`, { token: NEW_TOKEN })).statusCode, 403);
      const replaced = await as.editor.post(`${LIST}/${id}/jeton`, { token: NEW_TOKEN });
      assert.equal(replaced.headers.location, `${LIST}/${id}?ok=jeton`);
      assert.equal(decryptSecret((await getSource(site.relais.db.kysely, id))!.access_token!, createKeyring(site.relais.secretKey)), NEW_TOKEN);
      assert.equal((await as.editor.post(`${LIST}/${id}/jeton`, { retirer: '1' })).headers.location, `${LIST}/${id}?ok=jeton-retire`);
      assert.equal((await getSource(site.relais.db.kysely, id))!.access_token, null);
      const journal = await listAuditEntries(site.relais.db.kysely, { limit: 5, offset: 0 });
      assert.deepEqual(journal.slice(0, 2).map((e) => e.action), ['veille.source.token_removed', 'veille.source.token_changed']);
      assert.ok(journal.every((e) => !JSON.stringify(e).includes(NEW_TOKEN)));

      assert.equal((await as.editor.post(`${LIST}/ajouter/youtube`, { channelId: 'https://www.youtube.com/channel/UCx3Wk0m5bVqQ0Ga9kGm3nPw' })).statusCode, 303);
      const list = await as.reader.get(LIST);
      assert.match(list.body, /Mastodon : recherche « budget participatif » sur piaille\.fr<\/a><\/th><td>Mastodon<\/td>/);
      assert.match(list.body, /<td>Chaîne YouTube<\/td>/);
    });
  });
}
