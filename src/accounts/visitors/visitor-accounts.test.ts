import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInClients, type SignedInClient } from '../../test-support/admin-test-client.js';
import { DIALECTS } from '../../test-support/databases.js';
import { runRelaisCli } from '../../test-support/run-cli.js';
import { startMailingTestSite, type MailingTestSite } from '../../test-support/mailing-test-site.js';
import type { SmtpPeer } from '../../test-support/smtp-peer.js';
import { addTestUser, cookiesFrom, csrfTokenIn, formBody, signIn, type TestSite } from '../../test-support/test-site.js';
import { readSiteSettings } from '../../site/settings-store.js';
import { saveSiteSettings } from '../../site/save-site-settings.js';
import { decodeQuotedPrintable, linkInMail } from '../testdata/mail-link.js';

for (const dialect of DIALECTS) {
  describe(`visitor accounts on ${dialect}`, () => {
    let mailing: MailingTestSite;
    let smtp: SmtpPeer;
    let site: TestSite;
    let admin: SignedInClient;
    before(async () => {
      mailing = await startMailingTestSite(dialect);
      ({ smtp, site } = mailing);
      ({ admin } = await signedInClients(site, ['admin']));
    });
    after(() => mailing.close());

    /** Loads a public page, then posts its form with the page's CSRF token (and the cookies so far). */
    const postForm = async (from: string, url: string, fields: Record<string, string>, cookie = '') => {
      const form = await site.app.inject({ method: 'GET', url: from, headers: cookie ? { cookie } : {} });
      return site.app.inject({ method: 'POST', url, ...formBody({ _csrf: csrfTokenIn(form.body), ...fields }, cookiesFrom(form, cookie)) });
    };
    const setSignUp = async (value: 'oui' | 'non') =>
      saveSiteSettings(site.relais.db, null, { ...(await readSiteSettings(site.relais.db.kysely)), visitorSignup: value }, site.relais.now());
    const mailTo = async (email: string) => {
      const mail = await smtp.nextMail();
      assert.deepEqual(mail.to, [email]);
      return mail;
    };

    test('an administrator invites a visitor by e-mail; the link sets the password once, then is spent', async () => {
      const invited = await admin.post('/ecrire/utilisateurs/inviter', { email: 'Habitante@Exemple.test', name: 'Jeanne Habitante' }, '/ecrire/utilisateurs/inviter');
      assert.equal(invited.statusCode, 303);
      assert.equal(invited.headers.location, '/ecrire/utilisateurs?ok=invite');
      assert.equal(await site.relais.accounts.findUserByEmail('habitante@exemple.test'), undefined, 'no account before the link is followed');

      const mail = await mailTo('habitante@exemple.test');
      assert.match(mail.raw, /invitation/);
      const link = linkInMail(mail, '/compte/activer');
      const page = await site.app.inject({ method: 'GET', url: link.url });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Jeanne Habitante/);

      const weak = await postForm(link.url, '/compte/activer', { jeton: link.token, password: 'court' });
      assert.equal(weak.statusCode, 400, 'a weak password leaves the link usable');
      const done = await postForm(link.url, '/compte/activer', { jeton: link.token, password: 'une phrase de passe solide' });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/connexion?compte=active');
      const user = await site.relais.accounts.authenticate('habitante@exemple.test', 'une phrase de passe solide');
      assert.deepEqual([user?.role, user?.name], ['visitor', 'Jeanne Habitante']);

      const again = await postForm('/connexion', '/compte/activer', { jeton: link.token, password: 'une autre phrase de passe' });
      assert.equal(again.statusCode, 410);
      assert.match(again.body, /expiré ou a déjà servi/);
      assert.ok(await site.relais.accounts.authenticate('habitante@exemple.test', 'une phrase de passe solide'), 'the password is unchanged');

      const twice = await admin.post('/ecrire/utilisateurs/inviter', { email: 'habitante@exemple.test', name: '' }, '/ecrire/utilisateurs/inviter');
      assert.equal(twice.statusCode, 400);
      assert.match(twice.body, /Un compte existe déjà/);
    });

    test('an invitation link expires after a week', async () => {
      assert.equal((await admin.post('/ecrire/utilisateurs/inviter', { email: 'tardif@exemple.test', name: '' }, '/ecrire/utilisateurs/inviter')).statusCode, 303);
      const link = linkInMail(await mailTo('tardif@exemple.test'), '/compte/activer');
      const form = await site.app.inject({ method: 'GET', url: link.url });
      assert.equal(form.statusCode, 200);
      const real = site.relais.now();
      site.setNow(new Date(real.getTime() + 8 * 86400_000));
      try {
        assert.equal((await site.app.inject({ method: 'GET', url: link.url })).statusCode, 410);
        const late = await site.app.inject({ method: 'POST', url: '/compte/activer', ...formBody({ _csrf: csrfTokenIn(form.body), jeton: link.token, password: 'une phrase de passe solide' }, cookiesFrom(form)) });
        assert.equal(late.statusCode, 410);
        assert.equal(await site.relais.accounts.findUserByEmail('tardif@exemple.test'), undefined);
      } finally {
        site.setNow(real);
      }
    });

    test('self-registration is refused while the setting is off (the default)', async () => {
      assert.equal((await readSiteSettings(site.relais.db.kysely)).visitorSignup, 'non');
      const page = await site.app.inject({ method: 'GET', url: '/inscription' });
      assert.equal(page.statusCode, 403);
      assert.match(page.body, /sur invitation/);
      assert.doesNotMatch((await site.app.inject({ method: 'GET', url: '/connexion' })).body, /Créer un compte/);
      const sent = smtp.received.length;
      const refused = await postForm('/connexion', '/inscription', { email: 'curieux@exemple.test', name: 'Curieux' });
      assert.equal(refused.statusCode, 403);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(smtp.received.length, sent);
    });

    test('an administrator opens self-registration from the settings page', async () => {
      const form = await admin.get('/ecrire/reglages');
      assert.match(form.body, /<label for="f-visitorSignup">Permettre aux visiteurs de créer un compte<\/label>/);
      const current = await readSiteSettings(site.relais.db.kysely);
      const save = (visitorSignup: string) => admin.post('/ecrire/reglages', { ...current, visitorSignup }, '/ecrire/reglages');
      assert.equal((await save('oui')).statusCode, 303);
      try {
        assert.equal((await readSiteSettings(site.relais.db.kysely)).visitorSignup, 'oui');
        assert.equal((await site.app.inject({ method: 'GET', url: '/inscription' })).statusCode, 200);
      } finally {
        assert.equal((await save('non')).statusCode, 303);
      }
      assert.equal((await site.app.inject({ method: 'GET', url: '/inscription' })).statusCode, 403);
    });

    test('with the setting on, an account exists only once the e-mailed confirmation is followed', async () => {
      await setSignUp('oui');
      try {
        assert.match((await site.app.inject({ method: 'GET', url: '/connexion' })).body, /href="\/inscription"/);
        const invalid = await postForm('/inscription', '/inscription', { email: 'pas-une-adresse', name: '' });
        assert.equal(invalid.statusCode, 400);
        assert.match(invalid.body, /Adresse e-mail invalide/);
        assert.match(invalid.body, /Indiquez le nom/);

        const asked = await postForm('/inscription', '/inscription', { email: 'riverain@exemple.test', name: 'Paul Riverain' });
        assert.equal(asked.statusCode, 200);
        assert.match(asked.body, /Vérifiez votre messagerie/);
        assert.equal(await site.relais.accounts.authenticate('riverain@exemple.test', 'une phrase de passe solide'), undefined);
        const link = linkInMail(await mailTo('riverain@exemple.test'), '/compte/activer');
        assert.equal((await postForm(link.url, '/compte/activer', { jeton: link.token, password: 'une phrase de passe solide' })).statusCode, 303);
        assert.equal((await site.relais.accounts.authenticate('riverain@exemple.test', 'une phrase de passe solide'))?.role, 'visitor');

        // Same answer for an address that has an account; its owner is told by mail instead.
        const known = await postForm('/inscription', '/inscription', { email: 'riverain@exemple.test', name: 'Autre' });
        assert.equal(known.statusCode, 200);
        assert.match(known.body, /Vérifiez votre messagerie/);
        const notice = decodeQuotedPrintable((await mailTo('riverain@exemple.test')).raw);
        assert.match(notice, /http:\/\/relais\.test\/connexion/);
        assert.doesNotMatch(notice, /compte\/activer/, 'no second account for a known address');
      } finally {
        await setSignUp('non');
      }
    });

    test('sends at most three sign-up mails a day to one address, “already registered” ones included', async () => {
      const existing = await addTestUser(site, 'visitor');
      const outcomes = [];
      for (let i = 0; i < 4; i++) outcomes.push((await site.relais.visitors.requestSignup({ email: existing.email, name: 'Quelqu’un' })).kind);
      assert.deepEqual(outcomes, ['exists', 'exists', 'exists', 'throttled']);
      const fresh = [];
      for (let i = 0; i < 4; i++) fresh.push((await site.relais.visitors.requestSignup({ email: 'nouvelle@exemple.fr', name: 'Nouvelle' })).kind);
      assert.deepEqual(fresh, ['link', 'link', 'link', 'throttled']);
    });

    test('the new forms refuse a post without its CSRF token', async () => {
      const bare = (url: string, fields: Record<string, string>, cookie = '') => site.app.inject({ method: 'POST', url, ...formBody(fields, cookie) });
      assert.equal((await bare('/connexion', { email: 'x@exemple.test', password: 'x' })).statusCode, 403);
      assert.equal((await bare('/inscription', { email: 'x@exemple.test', name: 'X' })).statusCode, 403);
      assert.equal((await bare('/compte/activer', { jeton: 'x', password: 'une phrase de passe solide' })).statusCode, 403);
      assert.equal((await bare('/ecrire/utilisateurs/inviter', { email: 'x@exemple.test', name: '' }, admin.cookie)).statusCode, 403);
      const visitor = await addTestUser(site, 'visitor');
      const cookie = await signIn(site, visitor);
      assert.equal((await bare('/deconnexion', {}, cookie)).statusCode, 403);
      assert.equal((await site.app.inject({ method: 'GET', url: '/', headers: { cookie } })).body.includes('visitor-bar'), true, 'still signed in');
    });

    test('a visitor signs in on the public site, sees no back-office page or link, and signs out', async () => {
      const visitor = await addTestUser(site, 'visitor');
      const signedIn = await postForm('/connexion', '/connexion', { email: visitor.email, password: visitor.password, retour: '/page/mentions-legales' });
      assert.equal(signedIn.statusCode, 303);
      assert.equal(signedIn.headers.location, '/page/mentions-legales');
      const cookie = cookiesFrom(signedIn);
      for (const path of ['/ecrire/', '/ecrire/articles', '/ecrire/utilisateurs', '/ecrire/reglages', '/ecrire/forum', '/ecrire/journal']) {
        const page = await site.app.inject({ method: 'GET', url: path, headers: { cookie } });
        assert.equal(page.statusCode, 403, path);
      }
      const home = await site.app.inject({ method: 'GET', url: '/', headers: { cookie } });
      assert.match(home.body, /class="visitor-bar"/);
      assert.doesNotMatch(home.body, /Espace de rédaction<\/a> <form/);
      assert.equal((await site.app.inject({ method: 'GET', url: '/ecrire/login', headers: { cookie } })).headers.location, '/');

      const out = await site.app.inject({ method: 'POST', url: '/deconnexion', ...formBody({ _csrf: csrfTokenIn(home.body) }, cookiesFrom(home, cookie)) });
      assert.equal(out.statusCode, 303);
      assert.doesNotMatch((await site.app.inject({ method: 'GET', url: '/', headers: { cookie } })).body, /visitor-bar/);
    });

    test('the sign-in form only returns to a page of this site', async () => {
      const visitor = await addTestUser(site, 'visitor');
      for (const retour of ['//evil.example/', 'https://evil.example/', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)']) {
        const form = await site.app.inject({ method: 'GET', url: `/connexion?retour=${encodeURIComponent(retour)}` });
        assert.doesNotMatch(form.body, /name="retour"/, retour);
        const response = await postForm('/connexion', '/connexion', { email: visitor.email, password: visitor.password, retour });
        assert.equal(response.statusCode, 303);
        assert.equal(response.headers.location, '/', retour);
      }
    });

    test('public sign-in shares the login rate limits', async () => {
      const victim = await addTestUser(site, 'visitor');
      for (let i = 0; i < 5; i++) {
        assert.equal((await postForm('/connexion', '/connexion', { email: victim.email, password: 'mauvais' })).statusCode, 401);
      }
      const locked = await postForm('/connexion', '/connexion', { email: victim.email, password: victim.password });
      assert.equal(locked.statusCode, 429);
      assert.match(locked.body, /Trop de tentatives/);
    });

    test('relais user add <email> --role visitor creates a visitor account', async () => {
      const added = await runRelaisCli(['user', 'add', 'cli-visiteur@exemple.test', '--role', 'visitor'], site.database.env, 'une phrase de passe solide\n');
      assert.equal(added.code, 0, added.stderr);
      assert.equal((await site.relais.accounts.authenticate('cli-visiteur@exemple.test', 'une phrase de passe solide'))?.role, 'visitor');
    });
  });
}
