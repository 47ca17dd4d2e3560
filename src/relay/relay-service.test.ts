import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../test-support/databases.js';
import { buildArticle } from '../test-support/test-site.js';
import { writeApprovers } from './approvers-setting.js';
import { DEFAULT_TEMPLATE } from './pages/save-page.js';
import { RelayError } from './relay-error.js';
import { CLI_ACTOR, type RelayActor } from './relay-service.js';
import { startRelayTestKit } from './testdata/relay-test-kit.js';
import { getVariant } from './variants/variant-store.js';

const editor: RelayActor = { userId: null, role: 'editor' };

async function rejects(work: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(work, (error: unknown) => error instanceof RelayError && error.code === `relay_${code}`);
}

for (const dialect of DIALECTS) {
  describe(`relay workflow on ${dialect}`, () => {
    test('drafts one variant per active page, or the named ones, and refuses unknown names before writing', async () => {
      const kit = await startRelayTestKit(dialect);
      try {
        await kit.addPage('jeunesse', { hashtags: 'jeunesse' });
        await kit.addPage('emploi', { useLead: false });
        const pausedId = await kit.addPage('archives');
        await kit.site.relais.db.kysely.updateTable('relay_pages').set({ active: 0 }).where('id', '=', pausedId).execute();
        const article = await kit.addArticle();
        const all = await kit.relay.draftFromArticle(CLI_ACTOR, article.slug);
        assert.deepEqual(all.map((d) => d.page.name).sort(), ['emploi', 'jeunesse']);
        assert.ok(all.every((d) => d.variant.state === 'draft' && d.limit === 500 && d.length === kit.network.countLength(d.variant.text)));
        assert.match(all.find((d) => d.page.name === 'jeunesse')!.variant.text, /Concerts gratuits[\s\S]*utm_campaign=[\s\S]*#jeunesse$/);
        assert.doesNotMatch(all.find((d) => d.page.name === 'emploi')!.variant.text, /Concerts/);
        await rejects(kit.relay.draftFromArticle(CLI_ACTOR, article.slug, ['jeunesse', 'inconnue']), 'unknown_page');
        await rejects(kit.relay.draftFromArticle(CLI_ACTOR, 'pas-d-article'), 'unknown_article');
        await rejects(kit.site.relais.relay.addPage({ network: 'bluesky', name: 'sans-compte', audience: 'x', token: 'app-password-0000', template: DEFAULT_TEMPLATE }, null), 'invalid_page');
        await rejects(kit.relay.addPage({ network: 'mastodon', name: 'jeunesse', audience: 'x', instance: 'https://m.fr', token: 'jeton-0123456789', template: DEFAULT_TEMPLATE }, null), 'invalid_page');
        const count = await kit.site.relais.db.kysely.selectFrom('relay_variants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        assert.equal(Number(count.n), 2);
      } finally {
        await kit.close();
      }
    });

    test('editors submit; only administrators approve unless the setting lets editors too', async () => {
      const kit = await startRelayTestKit(dialect);
      try {
        await kit.addPage('culture');
        const [drafted] = await kit.relay.draftFromArticle(editor, (await kit.addArticle()).slug);
        const id = drafted!.variant.id;
        await kit.relay.submit(editor, id);
        await rejects(kit.relay.submit(editor, id), 'wrong_state');
        await rejects(kit.relay.approve(editor, id), 'not_allowed');
        await writeApprovers(kit.site.relais.db.kysely, 'admins-editors');
        const approved = await kit.relay.approve(editor, id);
        assert.equal(approved.state, 'scheduled');
        assert.equal(approved.next_attempt_at, kit.site.relais.now().toISOString());
        await rejects(kit.relay.approve(CLI_ACTOR, id), 'wrong_state');
        await rejects(kit.relay.editDraft(editor, id, 'Autre texte', null), 'wrong_state');
      } finally {
        await kit.close();
      }
    });

    test('approving schedules at the chosen time: nothing goes out before it', async () => {
      const kit = await startRelayTestKit(dialect);
      try {
        await kit.addPage('institution');
        const [drafted] = await kit.relay.draftFromArticle(CLI_ACTOR, (await kit.addArticle()).slug);
        const at = new Date(kit.site.relais.now().getTime() + 2 * 3600_000);
        const approved = await kit.relay.approve(CLI_ACTOR, drafted!.variant.id, at);
        assert.equal(approved.scheduled_at, at.toISOString());
        assert.deepEqual(await kit.relay.publishDue(), []);
        kit.site.setNow(new Date(at.getTime() + 1000));
        assert.deepEqual((await kit.relay.publishDue()).map((o) => o.outcome), ['published']);
        assert.equal((await getVariant(kit.site.relais.db.kysely, drafted!.variant.id))!.state, 'published');
      } finally {
        await kit.close();
      }
    });

    test('a draft’s own chosen time is kept on approval; unscheduling takes it back to draft', async () => {
      const kit = await startRelayTestKit(dialect);
      try {
        await kit.addPage('sport');
        const [drafted] = await kit.relay.draftFromArticle(CLI_ACTOR, (await kit.addArticle()).slug);
        const at = new Date(kit.site.relais.now().getTime() + 86_400_000);
        await kit.relay.editDraft(editor, drafted!.variant.id, 'Texte revu 🎉 https://www.ville-exemple.fr/article/x', at);
        const approved = await kit.relay.approve(CLI_ACTOR, drafted!.variant.id);
        assert.equal(approved.next_attempt_at, at.toISOString());
        await kit.relay.unschedule(CLI_ACTOR, drafted!.variant.id);
        assert.equal((await getVariant(kit.site.relais.db.kysely, drafted!.variant.id))!.state, 'draft');
      } finally {
        await kit.close();
      }
    });

    test('a text longer than the network counts is blocked at edit and approval', async () => {
      const kit = await startRelayTestKit(dialect, 60);
      try {
        await kit.addPage('courte');
        const [drafted] = await kit.relay.draftFromArticle(CLI_ACTOR, (await kit.addArticle('Un titre vraiment beaucoup trop long pour ce petit réseau social')).slug);
        assert.ok(drafted!.length > drafted!.limit);
        await rejects(kit.relay.approve(CLI_ACTOR, drafted!.variant.id), 'too_long');
        await rejects(kit.relay.editDraft(editor, drafted!.variant.id, '👩‍👩‍👧'.repeat(61), null), 'too_long');
        // 60 family emoji are 60 graphemes (and 480 UTF-16 units): accepted.
        await kit.relay.editDraft(editor, drafted!.variant.id, '👩‍👩‍👧'.repeat(60), null);
        assert.equal((await kit.relay.approve(CLI_ACTOR, drafted!.variant.id)).state, 'scheduled');
      } finally {
        await kit.close();
      }
    });

    test('a published article drafts for the pages that ask, and schedules only where the page says so', async () => {
      const kit = await startRelayTestKit(dialect);
      try {
        await kit.addPage('manuelle');
        await kit.addPage('auto', { autoDraft: true });
        await kit.addPage('directe', { autoDraft: true, autoApprove: true });
        // Through the blog: a draft article prepares nothing; publishing it prepares once.
        const blog = kit.site.relais.blog;
        const article = await blog.createArticle({ userId: null }, buildArticle({ status: 'draft', publishedAt: undefined }));
        assert.equal((await kit.site.relais.db.kysely.selectFrom('relay_variants').selectAll().execute()).length, 0);
        const input = buildArticle({ title: article.title, slug: article.slug, status: 'published' });
        await blog.updateArticle({ userId: null }, article.id, input);
        await blog.updateArticle({ userId: null }, article.id, { ...input, lead: 'Chapô corrigé.' });
        const rows = await kit.site.relais.db.kysely.selectFrom('relay_variants').innerJoin('relay_pages', 'relay_pages.id', 'relay_variants.page_id')
          .select(['relay_pages.name', 'relay_variants.state']).orderBy('relay_pages.name').execute();
        assert.deepEqual(rows, [{ name: 'auto', state: 'draft' }, { name: 'directe', state: 'scheduled' }]);
      } finally {
        await kit.close();
      }
    });
  });
}
