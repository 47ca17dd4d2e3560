import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decryptSecret } from '../../secrets/cipher.js';
import { createKeyring } from '../../secrets/keyring.js';
import { signedInClients, type SignedInClient } from '../../test-support/admin-test-client.js';
import { DIALECTS } from '../../test-support/databases.js';
import { startSmtpPeer, type SmtpPeer } from '../../test-support/smtp-peer.js';
import { formBody, startTestSite, type TestSite } from '../../test-support/test-site.js';
import { readAlternativeMail } from './testdata/read-alternative-mail.js';
import { seedWatch } from './testdata/seed-veille.js';
import { startWebhookReceiver, type WebhookReceiver } from './testdata/start-webhook-receiver.js';

const SECRET = 'mon-secret-de-webhook-1234-abcd';

for (const dialect of DIALECTS) {
  describe(`alert settings page on ${dialect}`, () => {
    let site: TestSite;
    let smtp: SmtpPeer;
    let hooks: WebhookReceiver;
    let as: Record<'editor' | 'reader', SignedInClient>;
    let watch: number;
    let path: string;

    before(async () => {
      smtp = await startSmtpPeer();
      hooks = await startWebhookReceiver(SECRET);
      site = await startTestSite(dialect, { SMTP_URL: smtp.url, FETCH_ALLOW_HOSTS: '127.0.0.1' });
      await site.relais.jobs.start();
      as = await signedInClients(site, ['editor', 'reader']);
      watch = await seedWatch(site.relais.db.kysely, { name: 'Budget', alertEmail: false, ownerIds: [as.editor.id] });
      path = `/ecrire/veille/veilles/${watch}/alertes`;
    });
    after(async () => {
      await site?.close();
      await smtp?.close();
      await hooks?.close();
    });
    const stored = () => site.relais.db.kysely.selectFrom('veille_watches').select(['alert_email', 'alert_webhook_url', 'alert_webhook_secret', 'alert_digest_hour'])
      .where('id', '=', watch).executeTakeFirstOrThrow();

    test('readers may not see it; a form without its token is refused; a webhook without a secret is explained in French', async () => {
      assert.equal((await as.reader.get(path)).statusCode, 403);
      assert.ok((await as.editor.get('/ecrire/veille/veilles')).body.includes(`href="${path}"`), 'the watches list links to it');
      const page = await as.editor.get(path);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Un secret est proposé/);
      assert.equal((await site.app.inject({ method: 'POST', url: path, ...formBody({ email: '1' }, as.editor.cookie) })).statusCode, 403);
      const refused = await as.editor.post(path, { webhook_url: hooks.url('/essai'), webhook_secret: '', digest_hour: '' }, path);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Un webhook a besoin d’un secret de signature/);
      const bad = await as.editor.post(path, { webhook_url: 'ftp://exemple.fr', webhook_secret: 'court', digest_hour: '25' }, path);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /commençant par https:\/\//);
      assert.match(bad.body, /de 16 à 200 caractères/);
      assert.match(bad.body, /entre 0 h et 23 h/);
      assert.equal((await stored()).alert_webhook_url, null);
    });

    test('saved settings keep the secret encrypted and never show it back; an empty secret field keeps it', async () => {
      const saved = await as.editor.post(path, { email: '1', webhook_url: hooks.url('/essai'), webhook_secret: SECRET, digest_hour: '8' }, path);
      assert.equal(saved.statusCode, 303);
      const row = await stored();
      assert.deepEqual([row.alert_email, row.alert_webhook_url, row.alert_digest_hour], [1, hooks.url('/essai'), 8]);
      assert.notEqual(row.alert_webhook_secret, SECRET);
      assert.equal(decryptSecret(row.alert_webhook_secret!, createKeyring(site.relais.secretKey)), SECRET);
      const page = await as.editor.get(`${path}?ok=enregistre`);
      assert.match(page.body, /Réglages des alertes enregistrés/);
      assert.match(page.body, /il se termine par « abcd »/);
      assert.ok(!page.body.includes(SECRET) && !page.body.includes(SECRET.slice(0, 12)), 'the secret is never shown back');
      await as.editor.post(path, { webhook_url: hooks.url('/essai'), webhook_secret: '', digest_hour: '' }, path);
      const kept = await stored();
      assert.equal(kept.alert_webhook_secret, row.alert_webhook_secret);
      assert.deepEqual([kept.alert_email, kept.alert_digest_hour], [0, null]);
      const audit = await site.relais.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'veille.watch.alerts').execute();
      assert.equal(audit.length, 2);
    });

    test('"send a test" posts a signed veille.test to the webhook and mails the person who asked', async () => {
      const response = await as.editor.post(`${path}/essai`, {}, path);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Le webhook a répondu \(HTTP 200\)/);
      const [hook] = hooks.received.filter((r) => r.path === '/essai');
      assert.equal(hook?.signed, true);
      assert.equal((hook!.body as { event: string }).event, 'veille.test');
      const mail = readAlternativeMail((await smtp.nextMail()).raw);
      assert.equal(mail.subject, '[Ma commune] Essai des alertes de la veille « Budget »');
      hooks.answer('/essai', () => 500);
      const failed = await as.editor.post(`${path}/essai`, {}, path);
      assert.match(failed.body, /Le webhook a échoué : /);
      assert.doesNotMatch(failed.body, /at .*\.js|\/work\//);
    });
  });
}
