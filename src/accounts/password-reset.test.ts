import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../test-support/databases.js';
import { startMailingTestSite, type MailingTestSite } from '../test-support/mailing-test-site.js';
import type { SmtpPeer } from '../test-support/smtp-peer.js';
import { addTestUser, cookiesFrom, csrfTokenIn, formBody, signIn, type TestSite } from '../test-support/test-site.js';
import { linkInMail } from './testdata/mail-link.js';

for (const dialect of DIALECTS) {
  describe(`"mot de passe oublié" over real SMTP on ${dialect}`, () => {
    let mailing: MailingTestSite;
    let smtp: SmtpPeer;
    let site: TestSite;
    before(async () => {
      mailing = await startMailingTestSite(dialect);
      ({ smtp, site } = mailing);
    });
    after(() => mailing.close());

    const postForm = async (url: string, fields: Record<string, string>) => {
      const form = await site.app.inject({ method: 'GET', url });
      return site.app.inject({ method: 'POST', url: url.split('?')[0]!, ...formBody({ _csrf: csrfTokenIn(form.body), ...fields }, cookiesFrom(form)) });
    };

    test('mails a one-time link that sets a new password; the old one stops working', async () => {
      const user = await addTestUser(site, 'editor');
      const asked = await postForm('/ecrire/mot-de-passe-oublie', { email: user.email });
      assert.equal(asked.statusCode, 200);
      assert.match(asked.body, /Si un compte existe avec cette adresse/);

      const mail = await smtp.nextMail();
      assert.deepEqual(mail.to, [user.email]);
      const link = linkInMail(mail, '/ecrire/nouveau-mot-de-passe');

      const reset = await postForm(link.url, { token: link.token, password: 'un tout nouveau mot de passe' });
      assert.equal(reset.statusCode, 303);
      assert.ok(await signIn(site, { email: user.email, password: 'un tout nouveau mot de passe' }));
      await assert.rejects(signIn(site, user), /sign-in failed: 401/);

      const reused = await postForm(link.url, { token: link.token, password: 'encore un autre mot de passe' });
      assert.equal(reused.statusCode, 400);
      assert.match(reused.body, /expiré ou a déjà servi/);
    });

    test('answers the same for an unknown address and sends nothing', async () => {
      const before = smtp.received.length;
      const asked = await postForm('/ecrire/mot-de-passe-oublie', { email: 'inconnu@mairie.test' });
      assert.equal(asked.statusCode, 200);
      assert.match(asked.body, /Si un compte existe avec cette adresse/);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(smtp.received.length, before);
    });
  });
}
