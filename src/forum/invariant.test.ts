import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../test-support/databases.js';
import { signedInClients, type SignedInClient } from '../test-support/admin-test-client.js';
import { buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import { advance, postForumMessage } from './testdata/forum-test-helpers.js';
import { listContributionsForModeration } from './store.js';

// THE invariant of the forum issue: a contribution that is not published never appears on any
// public surface (article page, counts, comments feeds, lists, feeds, sitemap). Random sequences of
// post / approve / reject / spam / unpublish / edit / mode changes,
// checked over HTTP after every step by looking for each contribution's unique marker.
// The expected statuses come from the table below, written independently of the service's own.

type Status = 'proposed' | 'published' | 'rejected' | 'spam';
type Action = 'approve' | 'reject' | 'spam' | 'unpublish';
const EXPECTED: Record<Action, { from: Status[]; to: Status }> = {
  approve: { from: ['proposed', 'rejected', 'spam'], to: 'published' },
  reject: { from: ['proposed', 'published', 'spam'], to: 'rejected' },
  spam: { from: ['proposed', 'published', 'rejected'], to: 'spam' },
  unpublish: { from: ['published'], to: 'proposed' },
};

/** mulberry32: a small seeded generator, so a failing sequence can be replayed from its seed. */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

interface Tracked { id: number; marker: string; slug: string; status: Status }
type Mode = 'pri' | 'pos' | 'non';

const SEQUENCES = 3;
const STEPS = 15;
const DECORATIONS = ['', ' {{gras}}', ' <script>alert(1)</script>', ' [lien->javascript:alert(1)]', ' <quote>cité</quote>', ' \u202Einversé', ' <b onmouseover="x()">b</b>'];

for (const dialect of DIALECTS) {
  describe(`forum invariant on ${dialect}`, () => {
    let site: TestSite;
    let moderator: SignedInClient;
    const articles: { id: number; slug: string; mode: Mode }[] = [];
    // Every sequence's messages: the counts shown cover them all.
    const everyTracked: Tracked[] = [];

    before(async () => {
      site = await startTestSite(dialect);
      for (const mode of ['pri', 'pos'] as const) {
        const article = await site.relais.blog.createArticle({ userId: null }, buildArticle());
        await site.relais.forum.setArticleMode({ userId: null }, article.id, mode);
        articles.push({ id: article.id, slug: article.slug, mode });
      }
      ({ moderator } = await signedInClients(site, ['moderator']));
    });
    after(() => site?.close());

    async function checkPublicSurfaces(tracked: readonly Tracked[], retired: readonly string[], context: string): Promise<void> {
      const get = async (url: string) => {
        const response = await site.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200, `${url} (${context})`);
        return response.body;
      };
      const pages = new Map<string, string>();
      const forumFeeds = new Map<string, string>();
      for (const a of articles) {
        pages.set(a.slug, await get(`/article/${a.slug}`));
        forumFeeds.set(a.slug, await get(`/article/${a.slug}/forum.xml`));
      }
      const [home, siteForumFeed] = await Promise.all(['/', '/forum.xml'].map(get)) as [string, string];
      const elsewhere = (await Promise.all(['/', '/feed.xml', '/atom.xml', '/sitemap.xml'].map(get))).join('\n');
      for (const c of tracked) {
        for (const [slug, html] of pages) {
          const shown = html.includes(c.marker);
          assert.equal(shown, slug === c.slug && c.status === 'published',
            `${context}: message ${c.id} (${c.status}) ${shown ? 'shown' : 'missing'} on /article/${slug}`);
          if (c.status !== 'published') assert.ok(!forumFeeds.get(slug)!.includes(c.marker), `${context}: message ${c.id} (${c.status}) in the forum feed of ${slug}`);
        }
        if (c.status !== 'published') assert.ok(!siteForumFeed.includes(c.marker), `${context}: message ${c.id} (${c.status}) in the site's forum feed`);
        assert.ok(!elsewhere.includes(c.marker), `${context}: message ${c.id} (${c.status}) leaked into a list, feed or sitemap`);
      }
      const everything = [...pages.values(), ...forumFeeds.values(), siteForumFeed, elsewhere].join('\n');
      for (const marker of retired) assert.ok(!everything.includes(marker), `${context}: the edited-away marker ${marker} is still shown`);
      // The counts: exactly the published messages, on the article page and on the home page's teaser.
      for (const a of articles) {
        const published = everyTracked.filter((c) => c.slug === a.slug && c.status === 'published').length;
        const count = /(\d+) messages? publiés?/.exec(pages.get(a.slug)!)?.[1];
        assert.equal(Number(count ?? 0), published, `${context}: count on /article/${a.slug}`);
        const teaser = new RegExp(`href="/article/${a.slug}#forum">(\\d+) messages?`).exec(home)?.[1];
        assert.equal(Number(teaser ?? 0), published, `${context}: count on the home page for ${a.slug}`);
      }
      const hidden = tracked.filter((c) => c.status !== 'published');
      if (hidden.length > 0) {
        const c = hidden[hidden.length - 1]!;
        const reply = await site.app.inject({ method: 'GET', url: `/forum/repondre/${c.id}` });
        assert.equal(reply.statusCode, 404, `${context}: reply page of hidden message ${c.id}`);
        assert.ok(!reply.body.includes(c.marker));
      }
    }

    for (let sequence = 1; sequence <= SEQUENCES; sequence++) {
      const seed = Number(process.env.FORUM_SEED ?? 0) || 7919 * sequence + (dialect === 'postgres' ? 1 : 0);
      test(`never shows an unpublished contribution (seed ${seed})`, async () => {
        const random = seededRandom(seed);
        const tracked: Tracked[] = [];
        // Markers replaced by an edit: they must never show again anywhere.
        const retired: string[] = [];
        for (let step = 1; step <= STEPS; step++) {
          advance(site, 5_000);
          const roll = random.next();
          let context = `seed ${seed}, step ${step}`;
          if (roll < 0.45 || tracked.length === 0) {
            const article = random.pick(articles);
            const marker = `inv${seed}x${step}x${random.int(1e9).toString(36)}`;
            const parents = tracked.filter((c) => c.slug === article.slug && c.status === 'published');
            // A closed forum has no reply page: a message to it is sent from another article's form.
            const parent = article.mode !== 'non' && parents.length > 0 && random.next() < 0.4 ? random.pick(parents) : undefined;
            const honeypot = random.next() < 0.1;
            const fields: Record<string, string> = {
              nom: `Auteur ${marker}`, texte: `Message ${marker}${random.pick(DECORATIONS)}`,
              ...(parent && { parent: String(parent.id) }), ...(honeypot && { site_web: 'http://spam.example' }),
            };
            context += `: post to ${article.mode} article${parent ? ` in reply to ${parent.id}` : ''}${honeypot ? ' (honeypot)' : ''}`;
            // A closed forum has no form: its article id is sent with the tokens of an open page.
            const open = articles.find((a) => a.mode !== 'non');
            const from = parent ? `/forum/repondre/${parent.id}` : article.mode === 'non' ? (open && `/article/${open.slug}`) : undefined;
            if (article.mode === 'non' && !from) continue;
            const response = await postForumMessage(site, article.slug, { ...fields, article: String(article.id) }, {
              ip: `10.${seed % 250}.${step}.${sequence}`, from,
            });
            if (article.mode === 'non') {
              assert.equal(response.statusCode, 403, context);
            } else {
              assert.equal(response.statusCode, 303, context);
              const [stored] = await listContributionsForModeration(site.relais.db.kysely, { limit: 1, offset: 0 });
              assert.ok(stored!.body.startsWith(`Message ${marker}`), context);
              const status: Status = honeypot ? 'spam' : article.mode === 'pos' ? 'published' : 'proposed';
              assert.equal(stored!.status, status, context);
              const entry = { id: stored!.id, marker, slug: article.slug, status };
              tracked.push(entry);
              everyTracked.push(entry);
            }
          } else if (roll < 0.84) {
            const target = random.pick(tracked);
            const action = random.pick(Object.keys(EXPECTED) as Action[]);
            const rule = EXPECTED[action];
            const allowed = rule.from.includes(target.status);
            context += `: ${action} ${target.id} (${target.status})`;
            const response = await moderator.post(`/ecrire/forum/${target.id}/${action}`, {}, '/ecrire/forum');
            assert.equal(response.statusCode, allowed ? 303 : 409, context);
            if (allowed) target.status = rule.to;
          } else if (roll < 0.92) {
            // A moderator rewrites a message (name and text) whatever its status: the old words must vanish, the new ones follow the status.
            const target = random.pick(tracked);
            const marker = `inv${seed}x${step}xedit${random.int(1e9).toString(36)}`;
            context += `: edit ${target.id} (${target.status})`;
            const response = await moderator.post(`/ecrire/forum/${target.id}/modifier`, {
              nom: `Auteur ${marker}`, email: '', texte: `Message ${marker}${random.pick(DECORATIONS)}`, action: 'save',
            }, '/ecrire/forum');
            assert.equal(response.statusCode, 303, context);
            retired.push(target.marker);
            target.marker = marker;
          } else {
            const article = random.pick(articles);
            const mode = random.pick(['pri', 'pos', 'non'] as const);
            context += `: article ${article.id} mode ${article.mode} → ${mode}`;
            await site.relais.forum.setArticleMode({ userId: null }, article.id, mode);
            article.mode = mode;
          }
          await checkPublicSurfaces(tracked, retired, context);
        }
      });
    }
  });
}
