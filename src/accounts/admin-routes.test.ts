import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInClients, type SignedInClient } from '../test-support/admin-test-client.js';
import { DIALECTS } from '../test-support/databases.js';
import { startTestSite, type TestSite } from '../test-support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`back-office users (${dialect})`, () => {
    let site: TestSite;
    let admin: SignedInClient;
    let editor: SignedInClient;

    before(async () => {
      site = await startTestSite(dialect);
      ({ admin, editor } = await signedInClients(site, ['admin', 'editor']));
    });
    after(() => site.close());

    test('the users page is for administrators only', async () => {
      assert.equal((await editor.get('/ecrire/utilisateurs')).statusCode, 403);
      assert.equal((await editor.post(`/ecrire/utilisateurs/${admin.id}/desactiver`, {})).statusCode, 403);
      const list = await admin.get('/ecrire/utilisateurs');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /<caption>/);
    });

    test('an administrator creates an account; a generated password is shown once', async () => {
      const response = await admin.post('/ecrire/utilisateurs/nouveau', { email: 'Elue@Mairie.test', name: 'Claire Élue', role: 'reader', password: '' }, '/ecrire/utilisateurs');
      assert.equal(response.statusCode, 200);
      const password = /<code class="secret">([^<]+)<\/code>/.exec(response.body)?.[1];
      assert.ok(password);
      assert.ok(await site.relais.accounts.authenticate('elue@mairie.test', password));
      const invalid = await admin.post('/ecrire/utilisateurs/nouveau', { email: 'pas-une-adresse', name: 'Nom gardé', role: 'editor', password: 'court' }, '/ecrire/utilisateurs');
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /value="Nom gardé"/);
      assert.match(invalid.body, /Adresse e-mail invalide/);
    });

    test('changes a role, disables and enables an account, but never their own', async () => {
      assert.equal((await admin.post(`/ecrire/utilisateurs/${editor.id}/role`, { role: 'moderator' }, '/ecrire/utilisateurs')).statusCode, 303);
      assert.equal((await site.relais.accounts.findUserById(editor.id))?.role, 'moderator');
      assert.equal((await admin.post(`/ecrire/utilisateurs/${editor.id}/desactiver`, {}, '/ecrire/utilisateurs')).statusCode, 303);
      assert.equal((await site.relais.accounts.findUserById(editor.id))?.disabled, true);
      assert.equal((await editor.get('/ecrire/articles')).statusCode, 303, 'the disabled account is signed out');
      assert.equal((await admin.post(`/ecrire/utilisateurs/${editor.id}/activer`, {}, '/ecrire/utilisateurs')).statusCode, 303);
      assert.equal((await site.relais.accounts.findUserById(editor.id))?.disabled, false);

      const demote = await admin.post(`/ecrire/utilisateurs/${admin.id}/role`, { role: 'reader' }, '/ecrire/utilisateurs');
      assert.equal(demote.statusCode, 400);
      assert.match(demote.body, /propre rôle/);
      assert.equal((await admin.post(`/ecrire/utilisateurs/${admin.id}/desactiver`, {}, '/ecrire/utilisateurs')).statusCode, 400);
      const self = await site.relais.accounts.findUserById(admin.id);
      assert.deepEqual([self?.role, self?.disabled], ['admin', false]);
    });
  });
}
