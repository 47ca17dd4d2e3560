import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInClients, type SignedInClient } from '../../test-support/admin-test-client.js';
import { startTestSite, type TestSite } from '../../test-support/test-site.js';
import { addTestSource, storeTestItem } from '../watches/testdata/store-test-item.js';

let site: TestSite;
let as: Record<'reader', SignedInClient>;
before(async () => {
  site = await startTestSite('sqlite');
  as = await signedInClients(site, ['reader']);
  const source = await addTestSource(site.relais.db, 'https://journal.exemple.fr/flux');
  await storeTestItem(site.relais.db, source, { guid: 's1', title: 'La médiathèque <rouvre>', text: 'Nouveaux horaires de la médiathèque & du musée.' });
});
after(async () => { await site?.close(); });

test('the search screen finds items without accents, highlights the words and escapes the text', async () => {
  const empty = await as.reader.get('/ecrire/veille/recherche');
  assert.equal(empty.statusCode, 200);
  assert.doesNotMatch(empty.body, /Résultats/);
  const found = await as.reader.get('/ecrire/veille/recherche?q=mediatheque');
  assert.equal(found.statusCode, 200);
  assert.match(found.body, /La <mark>médiathèque<\/mark> &lt;rouvre&gt;/);
  assert.match(found.body, /&amp; du musée/);
  const none = await as.reader.get('/ecrire/veille/recherche?q=piscine');
  assert.match(none.body, /Aucun élément ne contient ces mots/);
  const anonymous = await site.app.inject({ method: 'GET', url: '/ecrire/veille/recherche?q=x' });
  assert.equal(anonymous.statusCode, 303);
});
