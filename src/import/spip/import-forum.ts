import type { Executor } from '../../db/database.js';
import { findContribution, insertContribution, updateContributionStatus, updateContributionText } from '../../forum/store.js';
import { decodeEntities } from '../../markup/decode-entities.js';
import type { ImportContext } from './import-context.js';
import { warn } from './import-report.js';
import { mapForumStatus, parseSpipDate } from './map-spip-values.js';
import { loadImportKeys, saveImportKeys } from './store.js';

interface ForumRow {
  id_forum: number; id_objet: number; objet: string; id_parent: number; id_thread: number; date_heure: string;
  texte: string; auteur: string; email_auteur: string; statut: string; ip: string; id_auteur: number;
}

const BATCH = 1000;

/** Counts messages left out per reason: one report line each, not one per message. */
class LeftOut {
  private readonly reasons = new Map<string, number>();
  add(reason: string): void {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }
  flush(ctx: ImportContext): void {
    for (const [reason, count] of this.reasons) {
      ctx.report.counts.forum.skipped += count;
      ctx.report.skipped.push({ what: `${count} message${count > 1 ? 's' : ''} de forum`, reason });
    }
  }
}

/**
 * `spip_forum` on articles → contributions with their threads (`id_parent`, `id_thread`),
 * author, e-mail, date and status mapped; private messages (`prive*`) and messages on other
 * objects are left out; an address (`ip`) older than the site's retention delay is not kept.
 */
export async function importForum(ctx: ImportContext, ipRetentionDays: number): Promise<void> {
  const { db, spip, maps } = ctx;
  if (!spip.tables.has('spip_forum')) return;
  const known = await loadImportKeys(db.kysely, 'forum');
  const imported = new Map<number, number>();
  const keepAddressesSince = new Date(ctx.now.getTime() - ipRetentionDays * 86_400_000).toISOString();
  const leftOut = new LeftOut();
  const total = (spip.db.prepare('select count(*) as n from spip_forum').get() as { n: number }).n;
  const select = spip.db.prepare(`select id_forum, id_objet, objet, id_parent, id_thread, date_heure, texte, auteur, email_auteur, statut, ip, id_auteur
    from spip_forum where id_forum > ? order by id_forum limit ${BATCH}`);
  ctx.progress.start('Forum', total);
  for (let after = 0; ;) {
    const rows = select.all(after) as ForumRow[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id_forum;
    const keys: [number, number][] = [];
    await db.kysely.transaction().execute(async (trx) => {
      for (const row of rows) {
        const status = mapForumStatus(row.statut);
        const articleId = row.objet === 'article' ? maps.article.get(row.id_objet) : undefined;
        if (row.objet !== 'article') leftOut.add(`sur un objet « ${row.objet} » (seuls les forums d’articles sont repris)`);
        else if (status === undefined) leftOut.add(`statut « ${row.statut} » : message privé ou inconnu, jamais public`);
        else if (articleId === undefined) leftOut.add('article non importé (refusé, à la poubelle ou absent)');
        else {
          const id = await writeMessage(ctx, trx, row, articleId, status, known.get(row.id_forum), imported, keepAddressesSince);
          imported.set(row.id_forum, id);
          keys.push([row.id_forum, id]);
        }
      }
      if (!ctx.dryRun) await saveImportKeys(trx, 'forum', keys, ctx.now);
    });
    ctx.progress.advance(rows.length);
  }
  leftOut.flush(ctx);
  ctx.progress.finish();
}

async function writeMessage(
  ctx: ImportContext, trx: Executor, row: ForumRow, articleId: number, status: NonNullable<ReturnType<typeof mapForumStatus>>,
  previous: number | undefined, imported: ReadonlyMap<number, number>, keepAddressesSince: string,
): Promise<number> {
  let parentId: number | null = null;
  if (row.id_parent !== 0) {
    parentId = imported.get(row.id_parent) ?? null;
    if (parentId === null) warn(ctx.report, 'forum', row.id_forum, `le message auquel il répond (${row.id_parent}) n’est pas importé : il ouvre un fil.`);
  }
  const threadId = parentId === null ? null : imported.get(row.id_thread) ?? parentId;
  const createdAt = parseSpipDate(row.date_heure, ctx.timeZone) ?? ctx.now.toISOString();
  const text = { authorName: decodeEntities(row.auteur).trim() || 'Anonyme', email: row.email_auteur.trim() || null, body: row.texte };
  const existing = previous === undefined ? undefined : await findContribution(trx, previous);
  if (existing) {
    ctx.report.counts.forum.updated += 1;
    if (ctx.dryRun) return existing.id;
    if (existing.body !== text.body || existing.authorName !== text.authorName || existing.email !== text.email) await updateContributionText(trx, existing.id, text);
    if (existing.status !== status) await updateContributionStatus(trx, existing.id, status, null, ctx.now);
    return existing.id;
  }
  ctx.report.counts.forum.created += 1;
  if (ctx.dryRun) return -row.id_forum;
  const contribution = await insertContribution(trx, {
    articleId, parentId, threadId, ...text, status, ip: row.ip !== '' && createdAt >= keepAddressesSince ? row.ip : null,
    notifyReplies: false, isOrganisationAnswer: false, spamScore: 0, spamReasons: [], userId: row.id_auteur === 0 ? null : ctx.maps.auteur.get(row.id_auteur) ?? null,
  }, new Date(createdAt));
  return contribution.id;
}
