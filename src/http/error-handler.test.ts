import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../test-support/databases.js';
import { startTestSite, type TestSite } from '../test-support/test-site.js';
import { buildApp } from './app.js';

/** What must never reach a public page: stack frames, server paths, SQL, error class names. */
const LEAKS = [/at .+:\d+:\d+/, /\/work\/|\/home\/|\/tmp\/|node_modules|\.ts\b/, /select |insert into|sqlite|postgres/i, /TypeError|Error:/];

function assertNoLeak(body: string) {
  for (const leak of LEAKS) assert.doesNotMatch(body, leak);
}

for (const dialect of DIALECTS) {
  describe(`error pages on ${dialect}`, () => {
    let site: TestSite;
    before(async () => { site = await startTestSite(dialect); });
    after(() => site.close());

    test('says in plain French that a page does not exist', async () => {
      const response = await site.app.inject({ method: 'GET', url: '/article/n-existe-pas' });
      assert.equal(response.statusCode, 404);
      assert.match(response.body, /<h1 class="page-title">Page introuvable<\/h1>/);
      assert.match(response.body, /<meta name="robots" content="noindex"/);
      assertNoLeak(response.body);
    });

    test('turns an unexpected failure into a bare 500 page with no detail', async () => {
      const app = await buildApp(site.relais, [(instance) => {
        instance.get('/boum', async () => {
          throw new TypeError(`select * from users where password_hash = 'x' failed in ${process.cwd()}/src/secret.ts`);
        });
      }]);
      try {
        const response = await app.inject({ method: 'GET', url: '/boum' });
        assert.equal(response.statusCode, 500);
        assert.match(response.body, /Le site rencontre un problème/);
        assert.equal(response.headers['cache-control'], 'no-store');
        assertNoLeak(response.body);
      } finally {
        await app.close();
      }
    });

    test('answers malformed input with a 400 page, not a crash', async () => {
      const response = await site.app.inject({
        method: 'POST', url: '/ecrire/login', payload: '{"email": ', headers: { 'content-type': 'application/json' },
      });
      assert.equal(response.statusCode, 400);
      assertNoLeak(response.body);
    });
  });
}

test('still answers with a plain page when the database itself is gone', async () => {
  const site = await startTestSite('sqlite');
  const app = site.app;
  await site.relais.db.close();
  const response = await app.inject({ method: 'GET', url: '/' });
  assert.equal(response.statusCode, 500);
  assert.match(response.body, /Le site rencontre un problème/);
  assertNoLeak(response.body);
  await app.close();
  await site.database.drop();
});
