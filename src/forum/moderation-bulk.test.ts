import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInClients, type SignedInClient } from '../test-support/admin-test-client.js';
import { DIALECTS } from '../test-support/databases.js';
import { buildArticle, csrfTokenIn, startTestSite, type TestSite } from '../test-support/test-site.js';
import type { Contribution } from './contribution.js';
import { bulkReportText } from './moderation-bulk-report.js';
import { findContribution } from './store.js';

/** Posts the bulk form as a browser does: repeated `selection` fields, the token of the queue page. */
async function sendBulk(site: TestSite, client: SignedInClient, fields: readonly (readonly [string, string])[], withToken = true) {
  const queue = await client.get('/ecrire/forum');
  const pairs = withToken ? [['_csrf', csrfTokenIn(queue.body)], ...fields] : fields;
  return site.app.inject({
    method: 'POST', url: '/ecrire/forum/selection', payload: new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: client.cookie },
  });
}

const ticked = (ids: readonly number[]) => ids.map((id) => ['selection', String(id)] as const);

for (const dialect of DIALECTS) {
  describe(`bulk moderation on ${dialect}`, () => {
    let site: TestSite;
    let as: Record<'moderator' | 'editor', SignedInClient>;
    let articleId: number;
    let n = 0;
    const propose = (body: string) => site.relais.forum.post(
      { articleId, parentId: null, authorName: `Habitant ${++n}`, email: '', body, notifyReplies: false }, { ip: null, userId: null }, 'pri');
    const statusOf = async (c: Contribution) => (await findContribution(site.relais.db.kysely, c.id))?.status;

    before(async () => {
      site = await startTestSite(dialect);
      articleId = (await site.relais.blog.createArticle({ userId: null }, buildArticle())).id;
      as = await signedInClients(site, ['moderator', 'editor']);
    });
    after(() => site?.close());

    test('rejects the ticked messages and reports plainly those whose status forbids it, without failing the others', async () => {
      const [a, b, c, d] = [await propose('lot-a'), await propose('lot-b'), await propose('lot-c'), await propose('lot-d')];
      await site.relais.forum.moderate({ userId: null }, c.id, 'reject');
      await site.relais.forum.moderate({ userId: null }, d.id, 'reject');
      const response = await sendBulk(site, as.moderator, [...ticked([a.id, b.id, c.id, d.id]), ['action_groupee', 'reject'], ['retour', 'proposed']]);
      assert.equal(response.statusCode, 303);
      assert.deepEqual([await statusOf(a), await statusOf(b), await statusOf(c), await statusOf(d)], ['rejected', 'rejected', 'rejected', 'rejected']);
      const page = await as.moderator.get(String(response.headers.location));
      assert.match(page.body, /2 messages refusés\. 2 messages n’ont pas pu être refusés : déjà refusés\./);
    });

    test('unpublishes the published ones of a mixed selection, saying why the others stayed, a missing one included', async () => {
      const [p, q, r] = [await propose('mix-p'), await propose('mix-q'), await propose('mix-r')];
      await site.relais.forum.moderate({ userId: null }, p.id, 'approve');
      await site.relais.forum.moderate({ userId: null }, r.id, 'spam');
      const response = await sendBulk(site, as.moderator, [...ticked([p.id, q.id, r.id, 999999]), ['action_groupee', 'unpublish'], ['retour', 'published']]);
      assert.deepEqual([await statusOf(p), await statusOf(q), await statusOf(r)], ['proposed', 'proposed', 'spam']);
      assert.match(String(response.headers.location), /^\/ecrire\/forum\?statut=published&ok=selection&action=unpublish&faits=1/);
      const page = await as.moderator.get(String(response.headers.location));
      assert.match(page.body, /1 message dépublié\. 1 message n’a pas pu être dépublié : déjà à valider\. 1 message n’a pas pu être dépublié : il est classé comme spam\. 1 message n’a pas pu être dépublié : il a été supprimé\./);
    });

    test('« Tous les messages de cette page » applies to the ids the page listed, without any box ticked (no JavaScript needed)', async () => {
      const [x, y] = [await propose('page-x'), await propose('page-y')];
      const queue = await as.moderator.get('/ecrire/forum');
      const listed = /name="page_ids" value="([\d,]+)"/.exec(queue.body)?.[1];
      assert.ok(listed?.split(',').includes(String(x.id)) && listed.split(',').includes(String(y.id)));
      await sendBulk(site, as.moderator, [['toute_la_page', '1'], ['page_ids', listed ?? ''], ['action_groupee', 'spam']]);
      assert.deepEqual([await statusOf(x), await statusOf(y)], ['spam', 'spam']);
      assert.match((await as.moderator.get('/ecrire/forum')).body, /Aucun message dans cette liste/);
    });

    test('asks for a selection and an action instead of guessing', async () => {
      const c = await propose('rien-coché');
      const none = await sendBulk(site, as.moderator, [['action_groupee', 'approve']]);
      assert.match((await as.moderator.get(String(none.headers.location))).body, /Aucun message sélectionné/);
      const noAction = await sendBulk(site, as.moderator, [...ticked([c.id]), ['action_groupee', '']]);
      assert.match((await as.moderator.get(String(noAction.headers.location))).body, /Choisissez l’action/);
      assert.equal(await statusOf(c), 'proposed');
    });

    test('changes nothing without the form token or for an editor', async () => {
      const c = await propose('protégé-lot');
      assert.equal((await sendBulk(site, as.moderator, [...ticked([c.id]), ['action_groupee', 'approve']], false)).statusCode, 403);
      const editorPage = await as.editor.get('/ecrire/articles');
      const byEditor = await site.app.inject({
        method: 'POST', url: '/ecrire/forum/selection',
        payload: new URLSearchParams([['_csrf', csrfTokenIn(editorPage.body)], ['selection', String(c.id)], ['action_groupee', 'approve']]).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: as.editor.cookie },
      });
      assert.equal(byEditor.statusCode, 403);
      assert.equal(await statusOf(c), 'proposed');
    });
  });
}

test('the bulk report shows only fixed words and numbers from its query', () => {
  assert.equal(bulkReportText({ ok: 'selection', action: 'approve', faits: '1', 'refus-published': '3' }),
    '1 message publié. 3 messages n’ont pas pu être publiés : déjà publiés.');
  assert.equal(bulkReportText({ ok: 'selection', action: 'spam', faits: '0', 'refus-spam': '<b>' }), 'Aucun message n’a changé de statut.');
  assert.equal(bulkReportText({ ok: 'selection', action: 'delete', faits: '1' }), undefined);
  assert.equal(bulkReportText({ ok: 'approve' }), undefined);
});
