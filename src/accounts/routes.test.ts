import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../test-support/databases.js';
import { addTestUser, cookiesFrom, csrfTokenIn, formBody, signIn, startTestSite, type TestSite } from '../test-support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`sign-in on ${dialect}`, () => {
    let site: TestSite;
    let editor: { email: string; password: string };
    before(async () => {
      site = await startTestSite(dialect);
      editor = await addTestUser(site, 'editor');
    });
    after(() => site.close());

    test('sends anonymous visitors of the back office to the login page, and back after signing in', async () => {
      const response = await site.app.inject({ method: 'GET', url: '/ecrire/articles' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/ecrire/login?retour=%2Fecrire%2Farticles');
    });

    test('signs in with the right password and sets a signed, httpOnly, SameSite session cookie', async () => {
      const form = await site.app.inject({ method: 'GET', url: '/ecrire/login' });
      const response = await site.app.inject({
        method: 'POST', url: '/ecrire/login',
        ...formBody({ _csrf: csrfTokenIn(form.body), email: editor.email.toUpperCase(), password: editor.password, retour: '/ecrire/articles' }, cookiesFrom(form)),
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/ecrire/articles');
      const session = response.cookies.find((c) => c.name === 'relais_session');
      assert.ok(session, 'session cookie set');
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Lax');
      assert.notEqual(session.value.split('.').length, 1, 'cookie value carries a signature');
    });

    test('refuses a wrong password with a plain message and keeps the address typed', async () => {
      const form = await site.app.inject({ method: 'GET', url: '/ecrire/login' });
      const response = await site.app.inject({
        method: 'POST', url: '/ecrire/login',
        ...formBody({ _csrf: csrfTokenIn(form.body), email: editor.email, password: 'pas le bon' }, cookiesFrom(form)),
      });
      assert.equal(response.statusCode, 401);
      assert.match(response.body, /Adresse e-mail ou mot de passe incorrect/);
      assert.ok(response.body.includes(`value="${editor.email}"`));
      assert.ok(!response.cookies.some((c) => c.name === 'relais_session' && c.value !== ''));
    });

    test('refuses a login form sent without its CSRF token', async () => {
      const response = await site.app.inject({ method: 'POST', url: '/ecrire/login', ...formBody({ email: editor.email, password: editor.password }) });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /Formulaire expiré/);
      assert.ok(!response.cookies.some((c) => c.name === 'relais_session'));
    });

    test('locks an account after five failures in a row, even from several addresses', async () => {
      const victim = await addTestUser(site, 'reader');
      const attempt = async (password: string, ip: string) => {
        const form = await site.app.inject({ method: 'GET', url: '/ecrire/login', remoteAddress: ip });
        return site.app.inject({
          method: 'POST', url: '/ecrire/login', remoteAddress: ip,
          ...formBody({ _csrf: csrfTokenIn(form.body), email: victim.email, password }, cookiesFrom(form)),
        });
      };
      for (let i = 0; i < 5; i++) assert.equal((await attempt('mauvais', `198.51.100.${i}`)).statusCode, 401);
      const locked = await attempt(victim.password, '198.51.100.99');
      assert.equal(locked.statusCode, 429);
      assert.match(locked.body, /Trop de tentatives de connexion/);
      assert.ok(Number(locked.headers['retry-after']) > 0);
    });

    test('logs out: the session no longer opens the back office', async () => {
      const cookie = await signIn(site, editor);
      const dashboard = await site.app.inject({ method: 'GET', url: '/ecrire/login', headers: { cookie } });
      assert.equal(dashboard.statusCode, 303, 'a signed-in visitor is sent on from the login page');
      const page = await site.app.inject({ method: 'GET', url: '/', headers: { cookie } });
      assert.match(page.body, /class="visitor-bar"/, 'the public page shows the signed-in bar');
      const out = await site.app.inject({ method: 'POST', url: '/ecrire/logout', ...formBody({ _csrf: csrfTokenIn(page.body) }, cookiesFrom(page, cookie)) });
      assert.equal(out.statusCode, 303);
      const after = await site.app.inject({ method: 'GET', url: '/ecrire/articles', headers: { cookie } });
      assert.equal(after.statusCode, 303);
      assert.match(String(after.headers.location), /^\/ecrire\/login/);
    });

    test('never puts one visitor\'s signed-in bar into the page another visitor gets', async () => {
      const cookie = await signIn(site, editor);
      const mine = await site.app.inject({ method: 'GET', url: '/', headers: { cookie } });
      const anonymous = await site.app.inject({ method: 'GET', url: '/' });
      assert.match(mine.body, /visitor-bar/);
      assert.doesNotMatch(anonymous.body, /visitor-bar|_csrf/);
    });
  });
}

describe('client address behind a reverse proxy', () => {
  const loginFrom = async (site: TestSite, forwardedFor: string) => {
    const form = await site.app.inject({ method: 'GET', url: '/ecrire/login' });
    const body = formBody({ _csrf: csrfTokenIn(form.body), email: 'personne@mairie.test', password: 'x' }, cookiesFrom(form));
    await site.app.inject({ method: 'POST', url: '/ecrire/login', payload: body.payload, headers: { ...body.headers, 'x-forwarded-for': forwardedFor } });
    const keys = await site.relais.db.kysely.selectFrom('rate_limits').select('key').where('key', 'like', 'login:ip:%').execute();
    return keys.map((k) => k.key);
  };

  for (const dialect of DIALECTS) {
    test(`believes X-Forwarded-For only from TRUST_PROXY addresses (${dialect})`, async () => {
      const trusting = await startTestSite(dialect, { TRUST_PROXY: '127.0.0.1' });
      const distrusting = await startTestSite(dialect);
      try {
        assert.deepEqual(await loginFrom(trusting, '203.0.113.7'), ['login:ip:203.0.113.7']);
        assert.deepEqual(await loginFrom(distrusting, '203.0.113.7'), ['login:ip:127.0.0.1']);
      } finally {
        await trusting.close();
        await distrusting.close();
      }
    });
  }
});
