import { readdirSync } from 'node:fs';
import type { ImportContext } from './import-context.js';
import { storedUrlKey } from './old-address-key.js';
import { listSpipRedirectKeys, saveSpipRedirects, type SpipRedirect } from './store.js';

/**
 * The old addresses of every imported object, under the key `oldAddressKey` gives each form:
 * `article12` (spip.php?article12, article12.html…), `rubrique3`, the URLs *propres* SPIP stored
 * in `spip_urls`, `IMG/…` paths of documents and logos, and `backend` (the RSS feed).
 */
export async function importRedirects(ctx: ImportContext): Promise<void> {
  const { spip, maps } = ctx;
  const redirects = new Map<string, SpipRedirect>();
  const add = (oldAddress: string | undefined, targetType: SpipRedirect['targetType'], targetId: number | null, targetUrl: string | null = null) => {
    if (oldAddress !== undefined && (targetId === null || targetId > 0 || ctx.dryRun) && !redirects.has(oldAddress)) redirects.set(oldAddress, { oldAddress, targetType, targetId, targetUrl });
  };
  add('backend', 'url', null, '/feed.xml');
  add('sommaire', 'url', null, '/');
  for (const [spipId, id] of maps.article) add(`article${spipId}`, 'article', id);
  for (const [spipId, id] of maps.rubrique) add(`rubrique${spipId}`, 'section', id);
  if (spip.tables.has('spip_urls')) {
    // The newest URL of an object first: SPIP keeps the old ones, which redirect too.
    const rows = spip.db.prepare("select url, type, id_objet from spip_urls where type in ('article', 'rubrique') order by date desc").all() as { url: string; type: string; id_objet: number }[];
    for (const row of rows) {
      const id = (row.type === 'article' ? maps.article : maps.rubrique).get(row.id_objet);
      if (id !== undefined) add(storedUrlKey(row.url), row.type === 'article' ? 'article' : 'section', id);
    }
  }
  if (spip.tables.has('spip_documents')) {
    for (const doc of spip.db.prepare("select id_document, fichier from spip_documents where distant is null or distant != 'oui'").all() as { id_document: number; fichier: string }[]) {
      const id = maps.document.get(doc.id_document);
      if (id !== undefined) {
        add(`IMG/${doc.fichier}`, 'media', id);
        add(`document${doc.id_document}`, 'media', id);
      }
    }
  }
  if (ctx.imgDir !== undefined) {
    for (const file of readdirSync(ctx.imgDir)) {
      const match = /^(art|rub)on(\d{1,9})\./.exec(file);
      const id = match ? (match[1] === 'art' ? maps.logoArticle : maps.logoRubrique).get(Number(match[2])) : undefined;
      if (id !== undefined) add(`IMG/${file}`, 'media', id);
    }
  }
  const existing = await listSpipRedirectKeys(ctx.db.kysely);
  ctx.progress.start('Redirections', redirects.size);
  for (const key of redirects.keys()) ctx.report.counts.redirections[existing.has(key) ? 'updated' : 'created'] += 1;
  if (!ctx.dryRun) await saveSpipRedirects(ctx.db.kysely, [...redirects.values()]);
  ctx.progress.advance(redirects.size);
  ctx.progress.finish();
}
