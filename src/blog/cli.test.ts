import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../test-support/databases.js';
import { runRelaisCli } from '../test-support/run-cli.js';
import { buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import { DEMO_ARTICLES } from './demo/demo-content.js';

for (const dialect of DIALECTS) {
  describe(`relais CLI on ${dialect}`, () => {
    let site: TestSite;
    before(async () => { site = await startTestSite(dialect); });
    after(() => site.close());

    test('a change made through the CLI shows on the next page view of a running site', async () => {
      const before = await site.app.inject({ method: 'GET', url: '/' });
      assert.match(before.body, /Aucun article n.est encore publié/);
      const result = await runRelaisCli(['demo'], site.database.env);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Contenu de démonstration chargé/);
      const after = await site.app.inject({ method: 'GET', url: '/' });
      const newest = [...DEMO_ARTICLES].sort((a, b) => a.daysAgo - b.daysAgo)[0]!;
      assert.ok(after.body.includes(newest.title.replace(/'/g, '&#39;')) || after.body.includes(newest.title), 'demo article on the home page');
    });

    test('article list --json prints a JSON array and nothing else', async () => {
      await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Brouillon listé', status: 'draft' }));
      const result = await runRelaisCli(['article', 'list', '--json'], site.database.env);
      assert.equal(result.code, 0, result.stderr);
      const rows = JSON.parse(result.stdout) as { id: number; slug: string; title: string; status: string; section: string | null; publishedAt: string | null }[];
      assert.ok(Array.isArray(rows));
      const draft = rows.find((r) => r.title === 'Brouillon listé');
      assert.ok(draft);
      assert.equal(draft.status, 'draft');
      assert.deepEqual(Object.keys(draft).sort(), ['createdAt', 'id', 'publishedAt', 'section', 'slug', 'status', 'title', 'updatedAt']);
    });

    test('user add creates an account whose piped password signs in, and refuses a bad role clearly', async () => {
      const added = await runRelaisCli(['user', 'add', 'elue@mairie.test', '--role', 'reader'], site.database.env, 'un mot de passe solide\n');
      assert.equal(added.code, 0, added.stderr);
      assert.ok(await site.relais.accounts.authenticate('elue@mairie.test', 'un mot de passe solide'));
      const bad = await runRelaisCli(['user', 'add', 'x@mairie.test', '--role', 'chef'], site.database.env);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /Rôle manquant ou inconnu/);
      assert.match(bad.stderr, /Usage : relais user add/);
    });
  });
}

test('a command group lists its subcommands', async () => {
  const help = await runRelaisCli(['user', '--help'], {});
  assert.equal(help.code, 0);
  assert.match(help.stdout, /user add/);
  assert.match(help.stdout, /user passwd/);
  const bare = await runRelaisCli(['user'], {});
  assert.equal(bare.code, 2);
  assert.match(bare.stderr, /user add/);
});

test('an unknown command says so and exits non-zero', async () => {
  const result = await runRelaisCli(['publier-tout'], {});
  assert.equal(result.code, 2);
  assert.match(result.stderr, /Commande inconnue/);
});
