import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../test-support/databases.js';
import { runRelaisCli } from '../test-support/run-cli.js';
import { buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';

for (const dialect of DIALECTS) {
  describe(`relais forum CLI on ${dialect}`, () => {
    let site: TestSite;
    before(async () => { site = await startTestSite(dialect); });
    after(() => site?.close());

    test('lists proposed messages as JSON, approves one (shown on the running site at once), refuses what cannot be done', async () => {
      const article = await site.relais.blog.createArticle({ userId: null }, buildArticle());
      const c = await site.relais.forum.post(
        { articleId: article.id, parentId: null, authorName: 'Sam', email: 'sam@exemple.fr', body: 'Message-cli-unique', notifyReplies: false },
        { ip: '192.0.2.50', userId: null }, 'pri');
      const listed = await runRelaisCli(['forum', 'list', '--status', 'proposed', '--json'], site.database.env);
      assert.equal(listed.code, 0, listed.stderr);
      const rows = JSON.parse(listed.stdout) as { id: number; status: string; body: string; email: string }[];
      assert.deepEqual(rows.map((r) => [r.id, r.status, r.body, r.email]), [[c.id, 'proposed', 'Message-cli-unique', 'sam@exemple.fr']]);
      assert.doesNotMatch((await site.app.inject({ method: 'GET', url: `/article/${article.slug}` })).body, /Message-cli-unique/);

      const approved = await runRelaisCli(['forum', 'approve', String(c.id)], site.database.env);
      assert.equal(approved.code, 0, approved.stderr);
      assert.match(approved.stdout, /publié/);
      assert.match((await site.app.inject({ method: 'GET', url: `/article/${article.slug}` })).body, /Message-cli-unique/);

      const again = await runRelaisCli(['forum', 'approve', String(c.id)], site.database.env);
      assert.equal(again.code, 1);
      const bad = await runRelaisCli(['forum', 'list', '--status', 'nimporte'], site.database.env);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /Statut inconnu/);
    });
  });
}
