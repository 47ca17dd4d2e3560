import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { addAuditEntry } from '../../audit/store.js';
import type { Db } from '../../db/database.js';
import { decodeEntities } from '../../markup/decode-entities.js';
import type { MediaService } from '../../media/service.js';
import { readSiteSettings, writeSiteSettings, type SiteSettings } from '../../site/settings-store.js';
import { bumpSiteVersion } from '../../site/site-version.js';
import { importArticles } from './import-articles.js';
import { importAuthors } from './import-authors.js';
import type { ImportContext } from './import-context.js';
import { importForum } from './import-forum.js';
import { importMedia } from './import-media.js';
import { SILENT_PROGRESS, type ImportProgress } from './import-progress.js';
import { importRedirects } from './import-redirects.js';
import { createImportReport, warn, type ImportReport } from './import-report.js';
import { importSections } from './import-sections.js';
import { mapSiteForumMode } from './map-spip-values.js';
import { openSpipDatabase, type SpipDatabase } from './open-spip-database.js';
import { SpipImportError } from './spip-import-error.js';
import { resolveMulti } from './resolve-multi.js';

/** What the import needs from Relais. */
export interface SpipImportDeps {
  readonly db: Db;
  readonly media: Pick<MediaService, 'add'>;
  readonly now: () => Date;
  readonly progress?: ImportProgress;
}

/** The command's choices. */
export interface SpipImportOptions {
  /** The site's `IMG/` folder. */
  readonly imgDir?: string;
  /** Report what would be imported, changing nothing. */
  readonly dryRun?: boolean;
}

function readAttachments(spip: SpipDatabase): Map<number, number[]> {
  const links = new Map<number, number[]>();
  if (!spip.tables.has('spip_documents_liens')) return links;
  const order = spip.hasColumn('spip_documents_liens', 'rang_lien') ? 'rang_lien, id_document' : 'id_document';
  for (const row of spip.db.prepare(`select id_document, id_objet from spip_documents_liens where objet = 'article' order by ${order}`).iterate() as Iterable<{ id_document: number; id_objet: number }>) {
    const ids = links.get(row.id_objet);
    if (ids) ids.push(row.id_document);
    else links.set(row.id_objet, [row.id_document]);
  }
  return links;
}

function readMeta(spip: SpipDatabase): Map<string, string> {
  const rows = spip.db.prepare('select nom, valeur from spip_meta').all() as { nom: string; valeur: string | null }[];
  return new Map(rows.map((r) => [r.nom, r.valeur ?? '']));
}

/** `spip_meta` → the site's name, description, language and default forum mode. */
function settingsFromMeta(meta: ReadonlyMap<string, string>, report: ImportReport): Partial<SiteSettings> {
  const changes: { -readonly [K in keyof SiteSettings]?: SiteSettings[K] } = {};
  const language = meta.get('langue_site');
  const plain = (key: string) => decodeEntities(resolveMulti(meta.get(key) ?? '', language ?? 'fr')).trim();
  const name = plain('nom_site');
  if (name) changes.siteName = name;
  const tagline = plain('descriptif_site');
  if (tagline) changes.tagline = tagline.slice(0, 300);
  if (language === 'fr' || language === 'en') changes.language = language;
  else if (language) warn(report, 'meta', null, `langue du site « ${language} » : Relais publie en français ou en anglais ; la langue reste inchangée.`);
  const forumMode = mapSiteForumMode(meta.get('forums_publics'));
  if (forumMode) changes.defaultForumMode = forumMode;
  const address = meta.get('adresse_site');
  if (address) warn(report, 'meta', null, `le site SPIP était à ${address} : faites pointer ce nom vers Relais (PUBLIC_URL) pour que ses anciennes adresses soient redirigées.`);
  return changes;
}

/**
 * Imports a whole SPIP 3.x / 4.x site from its SQLite database into Relais: sections, authors,
 * documents and logos, articles, forum messages, settings, and the redirects of its old addresses.
 * Running it again updates what it imported before (SPIP ids are the import's key); with
 * `dryRun` it only reports. The SPIP file is opened read-only and checked before anything is written.
 *
 * @example
 * const report = await importSpipSite({ db, media, now }, 'config/bases/spip.sqlite', { imgDir: 'IMG' });
 */
export async function importSpipSite(deps: SpipImportDeps, file: string, options: SpipImportOptions = {}): Promise<ImportReport> {
  if (options.imgDir !== undefined && !(existsSync(options.imgDir) && statSync(options.imgDir).isDirectory())) {
    throw new SpipImportError('img_not_found', `Dossier IMG/ introuvable : ${options.imgDir}`);
  }
  const spip = openSpipDatabase(file);
  try {
    const report = createImportReport(options.dryRun === true);
    for (const { table, reason } of spip.skippedTables()) report.skipped.push({ what: `table ${table}`, reason });
    const meta = readMeta(spip);
    const current = await readSiteSettings(deps.db.kysely);
    const settings = settingsFromMeta(meta, report);
    const ctx: ImportContext = {
      db: deps.db, media: deps.media, spip, imgDir: options.imgDir, dryRun: options.dryRun === true, now: deps.now(),
      timeZone: current.timeZone, language: settings.language ?? current.language, report, progress: deps.progress ?? SILENT_PROGRESS,
      attachments: readAttachments(spip),
      maps: { rubrique: new Map(), article: new Map(), document: new Map(), auteur: new Map(), logoArticle: new Map(), logoRubrique: new Map() },
    };
    const subscriptions = (settings.defaultForumMode ?? current.defaultForumMode) === 'abo'
      || (spip.db.prepare("select 1 from spip_articles where accepter_forum = 'abo' and statut in ('publie', 'prop', 'prepa') limit 1").get() !== undefined);
    await importSections(ctx);
    await importMedia(ctx);
    await importAuthors(ctx, subscriptions);
    await importArticles(ctx);
    const retention = Number(current.forumIpRetentionDays);
    await importForum(ctx, Number.isSafeInteger(retention) && retention >= 1 ? retention : 30);
    await importRedirects(ctx);
    if (!ctx.dryRun) {
      await deps.db.kysely.transaction().execute(async (trx) => {
        await writeSiteSettings(trx, settings);
        const c = report.counts;
        await addAuditEntry(trx, {
          userId: null, action: 'import.spip.done', objectType: 'spip', objectId: basename(file),
          summary: `${c.rubriques.created + c.rubriques.updated} rubriques, ${c.articles.created + c.articles.updated} articles, ${c.forum.created + c.forum.updated} messages, ${c.documents.created + c.documents.updated} documents, ${c.auteurs.created + c.auteurs.updated} auteurs (${report.warnings.length} avertissements)`,
        }, ctx.now);
        await bumpSiteVersion(trx);
      });
    }
    return report;
  } finally {
    spip.close();
  }
}
