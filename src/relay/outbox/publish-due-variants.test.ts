import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../../test-support/databases.js';
import { CLI_ACTOR } from '../relay-service.js';
import { startRelayTestKit, type RelayTestKit } from '../testdata/relay-test-kit.js';
import { getVariant, listAttempts } from '../variants/variant-store.js';
import { claimDueVariants } from './outbox-store.js';

/** Drafts `count` articles for one page and approves them all now; returns the variant ids. */
async function approvedVariants(kit: RelayTestKit, page: string, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const article = await kit.addArticle(`Conseil municipal n° ${i} 🎉`, `Ordre du jour ${i} : budget, écoles, « voirie ».`);
    const [drafted] = await kit.relay.draftFromArticle(CLI_ACTOR, article.slug, [page]);
    await kit.relay.approve(CLI_ACTOR, drafted!.variant.id);
    ids.push(drafted!.variant.id);
  }
  return ids;
}

for (const dialect of DIALECTS) {
  describe(`relay outbox on ${dialect}`, () => {
    test('several workers at once post every due variant exactly once', async () => {
      const kit = await startRelayTestKit(dialect);
      try {
        await kit.addPage('jeunesse');
        const ids = await approvedVariants(kit, 'jeunesse', 40);
        const rounds = await Promise.all([1, 2, 3, 4].map(() => kit.relay.publishDue({ batchSize: 5 })));
        assert.equal(rounds.flat().filter((o) => o.outcome === 'published').length, 40);
        assert.equal(kit.network.posts.length, 40);
        assert.equal(new Set(kit.network.posts.map((p) => p.idempotencyKey)).size, 40);
        for (const id of ids) assert.equal((await getVariant(kit.site.relais.db.kysely, id))!.state, 'published');
        assert.deepEqual(await kit.relay.publishDue(), []);
      } finally {
        await kit.close();
      }
    });

    test('a post whose answer was lost is found on the network, not sent again', async () => {
      const kit = await startRelayTestKit(dialect);
      try {
        await kit.addPage('emploi');
        const [id] = await approvedVariants(kit, 'emploi', 1);
        kit.network.failNext('sent-then-unknown_outcome');
        const [first] = await kit.relay.publishDue();
        assert.equal(first!.outcome, 'retry');
        assert.equal(kit.network.posts.length, 1);
        // Due again after its back-off.
        kit.site.setNow(new Date(Date.now() + 3600_000));
        const [second] = await kit.relay.publishDue();
        assert.equal(second!.outcome, 'found');
        assert.equal(kit.network.posts.length, 1);
        const variant = (await getVariant(kit.site.relais.db.kysely, id!))!;
        assert.equal(variant.state, 'published');
        assert.equal(variant.remote_id, kit.network.posts[0]!.remoteId);
        assert.deepEqual((await listAttempts(kit.site.relais.db.kysely, id!)).map((a) => a.outcome), ['unknown_outcome', 'found']);
      } finally {
        await kit.close();
      }
    });

    test('a variant left publishing by a worker that died is looked for before any resend', async () => {
      const kit = await startRelayTestKit(dialect);
      try {
        await kit.addPage('culture');
        const [sent, unsent] = await approvedVariants(kit, 'culture', 2);
        // A worker of another machine claims both, posts the first, and dies.
        const now = kit.site.relais.now();
        await claimDueVariants(kit.site.relais.db, 'ailleurs:1:dead', now, new Date(now.getTime() + 60_000), 10);
        kit.network.posts.push({ remoteId: '99', text: (await getVariant(kit.site.relais.db.kysely, sent!))!.text, idempotencyKey: 'x', token: 'x' });
        assert.deepEqual(await kit.relay.publishDue(), [], 'held until the lease ends');
        kit.site.setNow(new Date(now.getTime() + 120_000));
        const outcomes = await kit.relay.publishDue();
        assert.deepEqual(outcomes.map((o) => [o.variantId, o.outcome]).sort(), [[sent, 'found'], [unsent, 'published']]);
        assert.equal(kit.network.lookups.length, 2);
        assert.equal(kit.network.posts.length, 2);
      } finally {
        await kit.close();
      }
    });

    test('rate limits and outages are retried later; refusals fail with their reason and can be retried', async () => {
      const kit = await startRelayTestKit(dialect);
      try {
        await kit.addPage('institution');
        const [limited, refused] = await approvedVariants(kit, 'institution', 2);
        kit.network.failNext('rate_limited', 'rejected');
        const outcomes = await kit.relay.publishDue();
        assert.deepEqual(outcomes.map((o) => o.outcome), ['retry', 'failed']);
        const waiting = (await getVariant(kit.site.relais.db.kysely, limited!))!;
        assert.equal(waiting.state, 'scheduled');
        assert.ok(waiting.next_attempt_at! > kit.site.relais.now().toISOString());
        const failed = (await getVariant(kit.site.relais.db.kysely, refused!))!;
        assert.equal(failed.state, 'failed');
        assert.equal(failed.failure_reason, 'Le réseau a répondu : rejected.');
        assert.deepEqual(await kit.relay.publishDue(), [], 'nothing due before the rate limit resets');

        await kit.relay.retry(CLI_ACTOR, refused!);
        kit.site.setNow(new Date(Date.now() + 120_000));
        assert.deepEqual((await kit.relay.publishDue()).map((o) => o.outcome).sort(), ['published', 'published']);
        assert.equal(kit.network.posts.length, 2);
      } finally {
        await kit.close();
      }
    });

    test('an expired token fails the variant and shows on the page’s health', async () => {
      const kit = await startRelayTestKit(dialect);
      try {
        const pageId = await kit.addPage('sport');
        await approvedVariants(kit, 'sport', 1);
        kit.network.failNext('auth');
        const [outcome] = await kit.relay.publishDue();
        assert.equal(outcome!.outcome, 'failed');
        const page = await kit.site.relais.db.kysely.selectFrom('relay_pages').selectAll().where('id', '=', pageId).executeTakeFirstOrThrow();
        assert.equal(page.last_error, 'Le réseau a répondu : auth.');
        assert.equal(kit.network.posts.length, 0);
      } finally {
        await kit.close();
      }
    });
  });
}
