import type { Article } from '../../blog/article.js';
import { findArticleBySlug, insertArticle, updateArticleRow, type ArticleFields } from '../../blog/store.js';
import { slugify } from '../../blog/slugify.js';
import type { Executor } from '../../db/database.js';
import { writeArticleForumMode } from '../../forum/store.js';
import { decodeEntities } from '../../markup/decode-entities.js';
import { findMediaRefs } from '../../media/find-media-refs.js';
import { replaceObjectMediaUses } from '../../media/store.js';
import { freeSlug, type ImportContext } from './import-context.js';
import { skip, warn } from './import-report.js';
import { mapArticleForumMode, mapArticleStatus, parseSpipDate, splitSpipTitle } from './map-spip-values.js';
import { namesArticles, rewriteSpipRefs } from './rewrite-spip-refs.js';
import { resolveMulti } from './resolve-multi.js';
import { findTakenIds, loadImportKeys, resyncIdSequence, saveImportKeys } from './store.js';

interface ArticleRow {
  id_article: number; id_rubrique: number; titre: string; soustitre: string; chapo: string; texte: string; ps: string;
  date: string; date_redac: string; maj: string | null; statut: string; accepter_forum: string; lang: string;
}

const BATCH = 200;
const COLUMNS = 'id_article, id_rubrique, titre, soustitre, chapo, texte, ps, date, date_redac, maj, statut, accepter_forum, lang';

/** The texts of an article with their shortcuts renumbered to the Relais ids known so far. */
function textsOf(ctx: ImportContext, row: ArticleRow): Pick<Article, 'lead' | 'body' | 'credits'> {
  // The sub-title has no field of its own in Relais: it opens the lead, in italics.
  const text = (value: string) => rewriteSpipRefs(resolveMulti(value, ctx.language), ctx.maps);
  const subtitle = row.soustitre.trim();
  const lead = [subtitle === '' ? '' : `{${subtitle}}`, row.chapo].filter((t) => t.trim() !== '').join('\n\n');
  return { lead: text(lead), body: text(row.texte), credits: text(row.ps) };
}

async function writeArticle(ctx: ImportContext, trx: Executor, row: ArticleRow, existing: number | undefined, freeId: boolean, url: string | undefined, spipAuthor: number | undefined): Promise<number> {
  const status = mapArticleStatus(row.statut)!;
  const date = parseSpipDate(row.date, ctx.timeZone);
  const title = splitSpipTitle(decodeEntities(resolveMulti(row.titre, ctx.language))).title || `Article ${row.id_article}`;
  const logoMediaId = ctx.maps.logoArticle.get(row.id_article) ?? null;
  const fields = {
    kind: 'article' as const, sectionId: ctx.maps.rubrique.get(row.id_rubrique) ?? null, title, ...textsOf(ctx, row), status,
    publishedAt: status === 'draft' ? null : date ?? (status === 'published' ? ctx.now.toISOString() : null), authorId: spipAuthor === undefined ? null : ctx.maps.auteur.get(spipAuthor) ?? null, logoMediaId,
  } satisfies Omit<ArticleFields, 'slug'>;
  let id: number;
  if (existing !== undefined) {
    await updateArticleRow(trx, existing, fields, parseSpipDate(row.maj, ctx.timeZone) ? new Date(parseSpipDate(row.maj, ctx.timeZone)!) : ctx.now);
    id = existing;
  } else {
    const slug = await freeSlug(slugify(url ?? title), row.id_article, async (s) => (await findArticleBySlug(trx, s)) !== undefined);
    // SPIP's "date de rédaction antérieure", when set, is when the text was written.
    const created = parseSpipDate(row.date_redac, ctx.timeZone) ?? date ?? parseSpipDate(row.maj, ctx.timeZone);
    const article = await insertArticle(trx, { ...fields, slug, ...(freeId && { id: row.id_article }) }, created ? new Date(created) : ctx.now);
    id = article.id;
  }
  await writeArticleForumMode(trx, id, mapArticleForumMode(row.accepter_forum));
  await recordUses(ctx, trx, id, row.id_article, fields);
  return id;
}

/**
 * The media an article uses, as the blog records them (its texts' shortcuts as `body`, its
 * illustration as `logo`), plus the documents SPIP attached to it without naming them in the
 * text (`spip_documents_liens`, SPIP's portfolio) as `attached`, so the library never shows them unused.
 */
async function recordUses(ctx: ImportContext, trx: Executor, id: number, spipId: number, article: Pick<Article, 'lead' | 'body' | 'logoMediaId'>): Promise<void> {
  const body = findMediaRefs(`${article.lead}\n${article.body}`);
  const attached = (ctx.attachments.get(spipId) ?? []).map((doc) => ctx.maps.document.get(doc)).filter((m): m is number => m !== undefined && !body.includes(m) && m !== article.logoMediaId);
  await replaceObjectMediaUses(trx, 'article', id, [
    ...body.map((mediaId) => ({ mediaId, role: 'body' })),
    ...(article.logoMediaId !== null ? [{ mediaId: article.logoMediaId, role: 'logo' }] : []),
    ...attached.map((mediaId) => ({ mediaId, role: 'attached' })),
  ]);
}

/**
 * `spip_articles` → articles: texts kept as SPIP shortcuts (object shortcuts renumbered), status
 * mapped (refused and binned articles left out), the forum mode, the first author, the logo as
 * main illustration, the SPIP id kept where free. Texts that name other articles are renumbered
 * again once every article has its id.
 */
export async function importArticles(ctx: ImportContext): Promise<void> {
  const { db, spip, report, maps } = ctx;
  const authorsOf = new Map((spip.tables.has('spip_auteurs_liens')
    ? spip.db.prepare("select id_objet, min(id_auteur) as id_auteur, count(*) as n from spip_auteurs_liens where objet = 'article' group by id_objet").all() as { id_objet: number; id_auteur: number; n: number }[] : [])
    .map((r) => [r.id_objet, { first: r.id_auteur, count: r.n }]));
  const urls = new Map((spip.tables.has('spip_urls')
    ? spip.db.prepare("select id_objet, url from spip_urls where type = 'article' order by date").all() as { id_objet: number; url: string }[] : [])
    .map((r) => [r.id_objet, r.url]));
  const known = await loadImportKeys(db.kysely, 'article');
  const usedByImport = new Set(known.values());
  const total = (spip.db.prepare('select count(*) as n from spip_articles').get() as { n: number }).n;
  const select = spip.db.prepare(`select ${COLUMNS} from spip_articles where id_article > ? order by id_article limit ${BATCH}`);
  const renumberLater: number[] = [];
  ctx.progress.start('Articles', total);
  for (let after = 0; ;) {
    const rows = select.all(after) as ArticleRow[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id_article;
    const alive = await findTakenIds(db.kysely, 'articles', rows.map((r) => known.get(r.id_article)).filter((id): id is number => id !== undefined));
    const taken = await findTakenIds(db.kysely, 'articles', rows.map((r) => r.id_article));
    const keys: [number, number][] = [];
    await db.kysely.transaction().execute(async (trx) => {
      for (const row of rows) {
        const status = mapArticleStatus(row.statut);
        if (status === undefined) {
          skip(report, 'articles', `article ${row.id_article} « ${decodeEntities(row.titre)} »`, `statut « ${row.statut} » : jamais publié, non importé.`);
          continue;
        }
        const authors = authorsOf.get(row.id_article)?.count ?? 0;
        if (authors > 1) warn(report, 'article', row.id_article, `${authors} auteurs dans SPIP : Relais garde le premier (auteur ${authorsOf.get(row.id_article)!.first}).`);
        if (row.lang !== '' && row.lang !== ctx.language) warn(report, 'article', row.id_article, `écrit en « ${row.lang} » : le site Relais est en « ${ctx.language} ».`);
        const previous = known.get(row.id_article);
        const existing = previous !== undefined && alive.has(previous) ? previous : undefined;
        const freeId = !taken.has(row.id_article) && !usedByImport.has(row.id_article);
        if (ctx.dryRun) {
          maps.article.set(row.id_article, existing ?? (freeId ? row.id_article : -row.id_article));
        } else {
          const id = await writeArticle(ctx, trx, row, existing, freeId, urls.get(row.id_article), authorsOf.get(row.id_article)?.first);
          maps.article.set(row.id_article, id);
          usedByImport.add(id);
          keys.push([row.id_article, id]);
          if (namesArticles(row.texte) || namesArticles(row.chapo) || namesArticles(row.ps)) renumberLater.push(row.id_article);
        }
        report.counts.articles[existing !== undefined ? 'updated' : 'created'] += 1;
      }
      if (!ctx.dryRun) await saveImportKeys(trx, 'article', keys, ctx.now);
    });
    ctx.progress.advance(rows.length);
  }
  ctx.progress.finish();
  if (ctx.dryRun) return;
  await resyncIdSequence(db, 'articles');
  await renumberArticleLinks(ctx, renumberLater);
}

/** Second pass: links to articles imported after the one naming them, now that every id is known. */
async function renumberArticleLinks(ctx: ImportContext, spipIds: readonly number[]): Promise<void> {
  if (![...ctx.maps.article].some(([spip, relais]) => spip !== relais)) return;
  const select = ctx.spip.db.prepare(`select ${COLUMNS} from spip_articles where id_article = ?`);
  for (let i = 0; i < spipIds.length; i += BATCH) {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      for (const spipId of spipIds.slice(i, i + BATCH)) {
        const row = select.get(spipId) as ArticleRow;
        const id = ctx.maps.article.get(spipId)!;
        const texts = textsOf(ctx, row);
        await updateArticleRow(trx, id, texts, ctx.now);
        await recordUses(ctx, trx, id, spipId, { ...texts, logoMediaId: ctx.maps.logoArticle.get(spipId) ?? null });
      }
    });
  }
}
