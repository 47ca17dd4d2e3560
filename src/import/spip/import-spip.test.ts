import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { Executor } from '../../db/database.js';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import { runRelaisCli } from '../../test-support/run-cli.js';
import { buildArticle, startTestSite, type TestSite } from '../../test-support/test-site.js';
import type { ImportReport } from './import-report.js';
import { loadImportKeys, type SpipKeyType } from './store.js';
import { buildSpipFixture, type SpipFixture } from './testdata/build-spip-fixture.js';

const COUNTED = ['articles', 'sections', 'forum_contributions', 'users', 'media_items', 'media_uses', 'settings', 'spip_import_keys', 'spip_redirects'] as const;

/** Rows per table, and the site's change counter: what a dry run must leave as it found. */
async function snapshot(db: Executor): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED) counts[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  counts.version = Number((await db.selectFrom('site_state').select('version').executeTakeFirstOrThrow()).version);
  return counts;
}

for (const dialect of DIALECTS) {
  describe(`relais import spip on ${dialect}`, () => {
    let site: TestSite;
    let fixture: SpipFixture;
    let report: ImportReport;
    let base: string;
    const env = () => ({ ...site.database.env, PUBLIC_URL: 'http://relais.test' });
    const id = async (type: SpipKeyType, spipId: number) => (await loadImportKeys(site.relais.db.kysely, type, [spipId])).get(spipId);
    const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' });

    before(async () => {
      site = await startTestSite(dialect);
      const dir = join(site.database.dataDir, 'spip');
      mkdirSync(dir);
      fixture = await buildSpipFixture(dir);
      const result = await runRelaisCli(['import', 'spip', fixture.file, '--img', fixture.imgDir, '--json'], env());
      assert.equal(result.code, 0, result.stderr);
      report = JSON.parse(result.stdout) as ImportReport;
      // Progress goes to standard error, one plain line per table when it is not a terminal.
      assert.match(result.stderr, /^Articles : 8\/8$/m);
      assert.match(result.stderr, /^Forum : 8\/8$/m);
      assert.doesNotMatch(result.stderr, /\r/);
      await site.app.listen({ host: '127.0.0.1', port: 0 });
      const address = site.app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    after(() => site.close());

    test('reports counts per kind, what was skipped and why, and each warning with its SPIP id', () => {
      assert.deepEqual(report.counts.articles, { created: 6, updated: 0, skipped: 2 });
      assert.deepEqual(report.counts.rubriques, { created: 3, updated: 0, skipped: 0 });
      assert.deepEqual(report.counts.forum, { created: 6, updated: 0, skipped: 2 });
      assert.deepEqual(report.counts.auteurs, { created: 3, updated: 0, skipped: 2 });
      assert.deepEqual(report.counts.documents, { created: 5, updated: 0, skipped: 2 });
      assert.deepEqual(report.counts.logos, { created: 2, updated: 0, skipped: 0 });
      assert.deepEqual(report.counts.redirections, { created: 29, updated: 0, skipped: 0 });
      assert.ok(report.skipped.some((s) => s.what === 'table spip_gis' && /plugin/.test(s.reason)));
      assert.ok(report.skipped.some((s) => s.what.startsWith('article 16') && /refuse/.test(s.reason)));
      assert.ok(report.skipped.some((s) => s.what.startsWith('document 7') && /distant/.test(s.reason)));
      assert.ok(report.warnings.some((w) => w.spipType === 'document' && w.spipId === 8 && /absent/.test(w.message)));
      assert.ok(report.warnings.some((w) => w.spipType === 'article' && w.spipId === 19 && /« en »/.test(w.message)));
      assert.ok(report.warnings.some((w) => w.spipType === 'article' && w.spipId === 12 && /2 auteurs.*auteur 1/.test(w.message)));
    });

    test('journals the import', async () => {
      const entry = await site.relais.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'import.spip.done').executeTakeFirstOrThrow();
      assert.equal(entry.object_id, 'spip.sqlite');
      assert.match(entry.summary, /^3 rubriques, 6 articles, 6 messages, 5 documents, 3 auteurs/);
    });

    test('maps statuses: nothing unpublished in SPIP becomes public', async () => {
      const db = site.relais.db.kysely;
      const statuses = await db.selectFrom('articles').select(['title', 'status']).orderBy('title').execute();
      assert.deepEqual(Object.fromEntries(statuses.map((r) => [r.title, r.status])), {
        'Atelier des habitants': 'published', 'Brouillon du bulletin': 'draft', 'Budget 2025 (à relire)': 'proposed',
        'Fête du village : le programme': 'published', 'Travaux rue de l’Église': 'published', 'Twinning with Sankt Eligius': 'published',
      });
      assert.equal((await get('/article/budget-2025')).status, 404);
      assert.equal((await get('/article/brouillon-du-bulletin')).status, 404);
      assert.equal((await get('/spip.php?article14')).status, 404);
      assert.equal((await get('/article16.html')).status, 404);
      const page = await (await get('/article/fete-du-village-le-programme')).text();
      assert.match(page, /Très belle initiative/);
      assert.match(page, /rendez-vous samedi/);
      for (const hidden of ['navettes', 'Message refusé', 'Achetez', 'Discussion entre rédacteurs']) assert.ok(!page.includes(hidden), hidden);
      const modes = await db.selectFrom('articles').select(['id', (eb) => eb.ref('forum_mode' as never).as('forum_mode')]).execute() as { id: number; forum_mode: string | null }[];
      const mode = new Map(modes.map((r) => [r.id, r.forum_mode]));
      assert.deepEqual([12, 13, 14, 18, 19].map((n) => mode.get(n)), ['pos', null, 'pri', 'abo', 'non']);
      const settings = new Map((await db.selectFrom('settings').selectAll().execute()).map((r) => [r.key, r.value]));
      assert.equal(settings.get('site.name'), 'Mairie de Saint-Éloi');
      assert.equal(settings.get('forum.default_mode'), 'pos');
      const sections = await db.selectFrom('sections').select(['id', 'title', 'position', 'parent_id']).orderBy('id').execute();
      assert.deepEqual(sections.map((r) => [r.id, r.title, r.position, r.parent_id]), [[1, 'Vie municipale', 1, null], [2, 'Culture & loisirs', 2, null], [3, 'Conseil municipal', 0, 1]]);
    });

    test('keeps forum threads, maps message statuses and drops old client addresses', async () => {
      const rows = await site.relais.db.kysely.selectFrom('forum_contributions').selectAll().execute();
      const forumIds = await loadImportKeys(site.relais.db.kysely, 'forum');
      const bySpip = async (n: number) => rows.find((r) => r.id === forumIds.get(n));
      const [m1, m2, m3, m4, m5, m8] = await Promise.all([1, 2, 3, 4, 5, 8].map(bySpip));
      assert.deepEqual([m1, m2, m3, m4, m5, m8].map((m) => m?.status), ['published', 'published', 'proposed', 'rejected', 'spam', 'published']);
      assert.deepEqual([m2!.parent_id, m2!.thread_id, m3!.parent_id, m3!.thread_id, m1!.parent_id, m1!.thread_id], [m1!.id, m1!.id, m2!.id, m1!.id, null, null]);
      assert.equal(await id('forum', 6), undefined);
      assert.equal(await id('forum', 7), undefined);
      assert.equal(m1!.ip, null, 'a 2024 address is past the 30-day retention');
      assert.equal(m8!.ip, '198.51.100.7');
      assert.equal(m8!.article_id, await id('article', 13));
      assert.equal(m1!.email, 'paul@example.org');
    });

    test('brings documents and logos in through the media library, flagging images without an alternative', async () => {
      const db = site.relais.db.kysely;
      const items = new Map((await db.selectFrom('media_items').selectAll().execute()).map((m) => [m.id, m]));
      const marche = items.get((await id('document', 4))!)!;
      assert.deepEqual([marche.alt, marche.caption, marche.credit, marche.needs_review], ['Le marché du samedi', 'Les étals sur la place de l’église.', 'Ville de Saint-Éloi', 0]);
      const plan = items.get((await id('document', 6))!)!;
      assert.deepEqual([plan.alt, plan.decorative, plan.needs_review], ['', 1, 1]);
      assert.equal(items.get((await id('document', 5))!)!.kind, 'document');
      assert.equal(await id('document', 7), undefined);
      const a12 = await db.selectFrom('articles').select('logo_media_id').where('id', '=', (await id('article', 12))!).executeTakeFirstOrThrow();
      assert.equal(a12.logo_media_id, await id('logo_article', 12));
      const a13 = await db.selectFrom('articles').select('logo_media_id').where('id', '=', (await id('article', 13))!).executeTakeFirstOrThrow();
      assert.equal(a13.logo_media_id, await id('document', 9), 'SPIP 4 logo document');
      const uses = await db.selectFrom('media_uses').selectAll().execute();
      const sectionLogo = uses.find((u) => u.object_type === 'section');
      assert.deepEqual([sectionLogo?.object_id, sectionLogo?.role, sectionLogo?.media_id], [await id('rubrique', 3), 'logo', await id('logo_rubrique', 3)]);
      assert.ok(uses.some((u) => u.object_type === 'article' && u.role === 'body' && u.media_id === marche.id));
      const poster = await id('document', 10);
      assert.deepEqual(uses.filter((u) => u.media_id === poster).map((u) => [u.object_type, u.object_id, u.role]), [['article', await id('article', 12), 'attached']]);
    });

    test('makes accounts without passwords for administrators and editors, and visitors for a forum sur abonnement', async () => {
      const users = await site.relais.db.kysely.selectFrom('users').select(['email', 'role', 'password_hash']).orderBy('email').execute();
      assert.deepEqual(users.map((u) => [u.email, u.role, u.password_hash]), [
        ['je.lefevre@saint-eloi.fr', 'editor', ''], ['lucie.martin@example.org', 'visitor', ''], ['marie.dupont@saint-eloi.fr', 'admin', ''],
      ]);
      const a12 = await site.relais.db.kysely.selectFrom('articles').select('author_id').where('id', '=', (await id('article', 12))!).executeTakeFirstOrThrow();
      assert.equal(a12.author_id, await id('auteur', 1));
    });

    test('every old SPIP address form answers 301 with the new address, over HTTP', async () => {
      const article = '/article/fete-du-village-le-programme';
      const cases: [string, string | RegExp][] = [
        ['/spip.php?article12', article], ['/spip.php?page=article&id_article=12', article], ['/?article12', article],
        ['/article12.html', article], ['/Fete-du-village-le-programme', article], ['/-Fete-du-village-le-programme-', article],
        ['/Fete-du-village-le-programme.html', article], ['/Culture-loisirs/Fete-du-village-le-programme', article],
        ['/spip.php?rubrique3', '/rubrique/conseil-municipal'], ['/rubrique3.html', '/rubrique/conseil-municipal'],
        ['/-Vie-municipale-', '/rubrique/vie-municipale'], ['/Vie-municipale/Conseil-municipal', '/rubrique/conseil-municipal'],
        ['/spip.php?page=backend', '/feed.xml'], ['/?page=backend', '/feed.xml'], ['/spip.php?page=sommaire', '/'],
        ['/IMG/jpg/marche.jpg', /^\/media\/[0-9a-f]{2}\/[0-9a-f]{32}\.jpg$/], ['/IMG/arton12.jpg', /^\/media\/.+\.jpg$/],
        ['/IMG/pdf/compte-rendu-conseil.pdf', /^\/media\/.+\.pdf$/],
      ];
      for (const [from, to] of cases) {
        const response = await get(from);
        assert.equal(response.status, 301, from);
        const location = response.headers.get('location') ?? '';
        if (typeof to === 'string') assert.equal(location, to, from);
        else assert.match(location, to, from);
      }
      assert.equal((await get('/IMG/jpg/perdue.jpg')).status, 404);
      assert.equal((await get('/Une-page-inconnue')).status, 404);
      assert.equal((await get('/?page=2')).status, 404);
      assert.equal((await get('/')).status, 200);
      const media = await get(((await get('/IMG/jpg/marche.jpg')).headers.get('location'))!);
      assert.equal(media.status, 200);
    });

    test('the redirect table is data: relais import redirect set, list and remove', async () => {
      assert.equal((await get('/spip.php?article16')).status, 404);
      const set = await runRelaisCli(['import', 'redirect', 'set', 'https://www.saint-eloi.fr/spip.php?article16', '/article/fete-du-village-le-programme'], env());
      assert.equal(set.code, 0, set.stderr);
      const moved = await get('/article16.html');
      assert.deepEqual([moved.status, moved.headers.get('location')], [301, '/article/fete-du-village-le-programme']);
      const list = await runRelaisCli(['import', 'redirect', 'list', '--json'], env());
      const rows = JSON.parse(list.stdout) as { oldAddress: string; targetType: string; targetUrl: string | null }[];
      assert.deepEqual(rows.find((r) => r.oldAddress === 'article16'), { oldAddress: 'article16', targetType: 'url', targetId: null, targetUrl: '/article/fete-du-village-le-programme' });
      assert.ok(rows.some((r) => r.oldAddress === 'Fete-du-village-le-programme' && r.targetType === 'article'));
      const refused = await runRelaisCli(['import', 'redirect', 'set', '/article16.html', 'https://ailleurs.example/'], env());
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /commençant par « \/ »/);
      assert.equal((await runRelaisCli(['import', 'redirect', 'remove', '/spip.php?article16'], env())).code, 0);
      assert.equal((await get('/article16.html')).status, 404);
      assert.equal((await runRelaisCli(['import', 'redirect', 'remove', '/spip.php?article16'], env())).code, 1);
    });

    test('an imported article renders its SPIP text with images, documents and links resolved', async () => {
      const html = await (await get('/article/fete-du-village-le-programme')).text();
      const photo = (await id('document', 4))!;
      const pdf = (await id('document', 5))!;
      assert.match(html, new RegExp(`spip_document_${photo} [^"]*spip_documents_left`));
      assert.match(html, /alt="Le marché du samedi"/);
      assert.match(html, /Compte rendu du conseil du 12 mai <span class="spip_doc_infos">\(PDF/);
      assert.match(html, new RegExp(`href="/article/${(await id('article', 13))!}"`));
      assert.match(html, /<strong[^>]*>fête<\/strong>/);
      assert.match(html, /Trois jours de festivités/);
      assert.match(html, /Photos : service communication/);
      assert.ok(!html.includes(`&lt;doc${pdf}`));
      const followed = await fetch(`${base}/article/${(await id('article', 13))!}`);
      assert.equal(new URL(followed.url).pathname, '/article/travaux-rue-de-l-eglise');
    });

    test('keeps SPIP ids where free, and the next article written in Relais still gets a free id', async () => {
      assert.deepEqual(await Promise.all([12, 13, 19].map((n) => id('article', n))), [12, 13, 19]);
      assert.deepEqual(await Promise.all([1, 2, 3].map((n) => id('rubrique', n))), [1, 2, 3]);
      const created = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Écrit après l’import' }));
      assert.ok(created.id > 19, String(created.id));
      const section = await site.relais.blog.createSection({ userId: null }, { title: 'Nouvelle rubrique', parentId: null, description: '' });
      assert.ok(section.id > 3, String(section.id));
    });

    test('running it twice updates instead of duplicating', async () => {
      const before = await snapshot(site.relais.db.kysely);
      const again = await runRelaisCli(['import', 'spip', fixture.file, '--img', fixture.imgDir], env());
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /Articles\s+0 créés, 6 mis à jour, 2 écartés/);
      assert.match(again.stdout, /Messages de forum\s+0 créés, 6 mis à jour/);
      const afterCounts = await snapshot(site.relais.db.kysely);
      assert.deepEqual({ ...afterCounts, version: 0 }, { ...before, version: 0 });
    });

    test('a later import brings what changed in SPIP: new texts and statuses, new articles, same addresses', async () => {
      const spip = new Database(fixture.file);
      spip.prepare("update spip_articles set titre = 'Travaux rue de l’Église : le calendrier', texte = texte || char(10) || char(10) || 'Mise à jour du 10 juin.' where id_article = 13").run();
      spip.prepare("update spip_forum set statut = 'publie' where id_forum = 3").run();
      spip.prepare("update spip_forum set statut = 'spam' where id_forum = 2").run();
      spip.prepare("insert into spip_articles (id_article, id_rubrique, titre, texte, date, statut, lang) values (20, 3, 'Compte rendu du conseil de juin', 'Voir [l’article précédent->art13].', '2024-06-20 18:00:00', 'publie', 'fr')").run();
      spip.close();
      const result = await runRelaisCli(['import', 'spip', fixture.file, '--img', fixture.imgDir, '--json'], env());
      assert.equal(result.code, 0, result.stderr);
      const later = JSON.parse(result.stdout) as ImportReport;
      assert.deepEqual(later.counts.articles, { created: 1, updated: 6, skipped: 2 });
      const db = site.relais.db.kysely;
      const a13 = await db.selectFrom('articles').select(['title', 'slug', 'body']).where('id', '=', (await id('article', 13))!).executeTakeFirstOrThrow();
      assert.deepEqual([a13.title, a13.slug], ['Travaux rue de l’Église : le calendrier', 'travaux-rue-de-l-eglise']);
      assert.match(a13.body, /Mise à jour du 10 juin/);
      const status = async (n: number) => (await db.selectFrom('forum_contributions').select('status').where('id', '=', (await id('forum', n))!).executeTakeFirstOrThrow()).status;
      assert.deepEqual([await status(2), await status(3)], ['spam', 'published']);
      const page = await (await get('/article/compte-rendu-du-conseil-de-juin')).text();
      assert.match(page, new RegExp(`href="/article/${(await id('article', 13))!}"`));
      assert.equal((await get('/spip.php?article20')).headers.get('location'), '/article/compte-rendu-du-conseil-de-juin');
      assert.equal((await get('/Travaux-rue-de-l-Eglise')).headers.get('location'), '/article/travaux-rue-de-l-eglise');
    });

    test('refuses a broken or non-SPIP file with a clear error and writes nothing', async () => {
      const before = await snapshot(site.relais.db.kysely);
      const junk = join(site.database.dataDir, 'spip', 'pas-une-base.sqlite');
      writeFileSync(junk, 'Ceci n’est pas une base de données.\n'.repeat(200));
      const broken = await runRelaisCli(['import', 'spip', junk], env());
      assert.equal(broken.code, 1);
      assert.match(broken.stderr, /n’est pas une base SQLite lisible/);
      const other = join(site.database.dataDir, 'spip', 'autre.sqlite');
      const db = new Database(other);
      db.exec('create table notes (id integer primary key, texte text)');
      db.close();
      const notSpip = await runRelaisCli(['import', 'spip', other], env());
      assert.equal(notSpip.code, 1);
      assert.match(notSpip.stderr, /n’est pas une base SPIP : il y manque spip_meta, spip_rubriques, spip_articles/);
      const missing = await runRelaisCli(['import', 'spip', join(site.database.dataDir, 'nulle-part.sqlite')], env());
      assert.match(missing.stderr, /Fichier introuvable/);
      assert.deepEqual(await snapshot(site.relais.db.kysely), before);
    });
  });

  test(`relais import spip --dry-run changes nothing on ${dialect}`, async () => {
    const database = await createTestDatabase(dialect);
    try {
      const env = { ...database.env, PUBLIC_URL: 'http://relais.test' };
      assert.equal((await runRelaisCli(['migrate'], env)).code, 0);
      const fixture = await buildSpipFixture(database.dataDir);
      const fingerprint = async () => {
        if (dialect === 'sqlite') return createHash('sha256').update(readFileSync(join(database.dataDir, 'relais.sqlite'))).digest('hex');
        const { openDatabase } = await import('../../db/open-database.js');
        const db = openDatabase(database.target);
        try {
          return JSON.stringify(await snapshot(db.kysely));
        } finally {
          await db.close();
        }
      };
      const spipBefore = createHash('sha256').update(readFileSync(fixture.file)).digest('hex');
      const before = await fingerprint();
      const dry = await runRelaisCli(['import', 'spip', fixture.file, '--img', fixture.imgDir, '--dry-run', '--json'], env);
      assert.equal(dry.code, 0, dry.stderr);
      const report = JSON.parse(dry.stdout) as ImportReport;
      assert.equal(report.dryRun, true);
      assert.deepEqual(report.counts.articles, { created: 6, updated: 0, skipped: 2 });
      assert.deepEqual(report.counts.documents, { created: 5, updated: 0, skipped: 2 });
      assert.ok(report.skipped.some((s) => s.what === 'table spip_gis'));
      assert.equal(await fingerprint(), before);
      assert.equal(createHash('sha256').update(readFileSync(fixture.file)).digest('hex'), spipBefore, 'the SPIP file is only read');
      const text = await runRelaisCli(['import', 'spip', fixture.file, '--dry-run'], env);
      assert.match(text.stdout, /^Simulation \(--dry-run\) : rien n’a été modifié/);
      assert.equal(await fingerprint(), before);
    } finally {
      await database.drop();
    }
  });
}
