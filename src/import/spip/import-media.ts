import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, normalize, sep } from 'node:path';
import { AppError, ValidationError } from '../../errors.js';
import { decodeEntities } from '../../markup/decode-entities.js';
import { MAX_ALT_LENGTH, type MediaTextsInput } from '../../media/media-texts.js';
import { findMediaItems, replaceObjectMediaUses, setMediaNeedsReview } from '../../media/store.js';
import type { ImportContext } from './import-context.js';
import { skip, warn } from './import-report.js';
import { resolveMulti } from './resolve-multi.js';
import { loadImportKeys, saveImportKeys, type SpipKeyType } from './store.js';

interface DocumentRow { id_document: number; titre: string; descriptif: string; fichier: string; mode: string; distant: string | null; credits: string; alt: string }

const IMAGE_EXTENSIONS = /\.(?:jpe?g|png|gif|webp|avif)$/i;
const OLD_LOGO = /^(art|rub)on(\d{1,9})\.(?:jpe?g|png|gif|webp)$/i;

/**
 * The texts a SPIP document brings: its title, an alternative from its own `alt` (SPIP 4.3),
 * `titre` or `descriptif` when one is short enough, the description as caption otherwise, and
 * its credits. Without any, the image is drawn `alt=""` and flagged for a person to describe.
 */
function textsOf(doc: DocumentRow, isImage: boolean, language: string): { texts: MediaTextsInput; review: boolean } {
  const plain = (value: string | null) => decodeEntities(resolveMulti(value ?? '', language)).trim();
  const title = plain(doc.titre);
  const description = plain(doc.descriptif);
  const credit = plain(doc.credits);
  if (!isImage) return { texts: { title: title || undefined, caption: description, credit }, review: false };
  const alt = [plain(doc.alt), title, description].find((t) => t !== '' && t.length <= MAX_ALT_LENGTH);
  if (alt === undefined) return { texts: { title: title || undefined, decorative: true, caption: description, credit }, review: true };
  return { texts: { title: title || undefined, alt, caption: alt === description ? '' : description, credit }, review: false };
}

/** The file under `IMG/`, if it is there (a path climbing out of the folder is refused). */
function fileIn(imgDir: string, relative: string): string | undefined {
  const path = normalize(join(imgDir, relative));
  if (!path.startsWith(normalize(imgDir) + sep)) return undefined;
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

/**
 * Adds one file through the media library; returns its id, or undefined when the library refuses
 * it (reported). An image whose alternative the library refuses (a file name, say) is added
 * undescribed and flagged.
 */
async function addFile(ctx: ImportContext, path: string, input: { texts: MediaTextsInput; review: boolean }, spipType: string, spipId: number): Promise<number | undefined> {
  let { texts, review } = input;
  for (;;) {
    try {
      const { item } = await ctx.media.add({ source: createReadStream(path), fileName: basename(path) }, texts, null);
      if (review && item.kind === 'image' && item.decorative) {
        await setMediaNeedsReview(ctx.db.kysely, item.id, true);
        warn(ctx.report, spipType, spipId, `image sans alternative textuelle : affichée comme décorative, à décrire dans la médiathèque (n° ${item.id}).`);
      }
      return item.id;
    } catch (error) {
      if (error instanceof ValidationError && !review) {
        texts = { ...texts, alt: undefined, decorative: true };
        review = true;
        continue;
      }
      if (error instanceof AppError) {
        skip(ctx.report, 'documents', `${spipType} ${spipId} (${basename(path)})`, `refusé par la médiathèque : ${error.message}`);
        return undefined;
      }
      throw error;
    }
  }
}

async function importDocuments(ctx: ImportContext): Promise<void> {
  const { spip, report, maps } = ctx;
  const hasAlt = spip.hasColumn('spip_documents', 'alt');
  const rows = spip.db.prepare(`select id_document, titre, descriptif, fichier, mode, distant, credits${hasAlt ? ', alt' : ", '' as alt"} from spip_documents order by id_document`).all() as DocumentRow[];
  const known = await loadImportKeys(ctx.db.kysely, 'document');
  const alive = new Set((await findMediaItems(ctx.db.kysely, [...known.values()])).map((m) => m.id));
  ctx.progress.start('Documents', rows.length);
  for (const doc of rows) {
    const existing = known.get(doc.id_document);
    const what = `document ${doc.id_document}`;
    if (doc.mode === 'vignette') {
      skip(report, 'documents', what, 'vignette personnalisée d’un autre document : Relais fait ses propres vignettes.');
    } else if (doc.distant === 'oui') {
      skip(report, 'documents', what, `document distant (${doc.fichier}) : Relais n’héberge que des fichiers ; liez-le depuis le texte.`);
    } else if (existing !== undefined && alive.has(existing)) {
      maps.document.set(doc.id_document, existing);
      report.counts.documents.updated += 1;
    } else if (ctx.imgDir === undefined) {
      skip(report, 'documents', what, 'dossier IMG/ non fourni (--img).');
    } else {
      const path = fileIn(ctx.imgDir, doc.fichier);
      if (path === undefined) {
        warn(report, 'document', doc.id_document, `fichier absent du dossier IMG/ : ${doc.fichier}`);
        skip(report, 'documents', what, `fichier absent : ${doc.fichier}`);
      } else if (ctx.dryRun) {
        maps.document.set(doc.id_document, -doc.id_document);
        report.counts.documents.created += 1;
      } else {
        const id = await addFile(ctx, path, textsOf(doc, IMAGE_EXTENSIONS.test(path), ctx.language), 'document', doc.id_document);
        if (id !== undefined) {
          maps.document.set(doc.id_document, id);
          await saveImportKeys(ctx.db.kysely, 'document', [[doc.id_document, id]], ctx.now);
          report.counts.documents.created += 1;
        }
      }
    }
    ctx.progress.advance();
  }
  ctx.progress.finish();
  // SPIP 4's logos are documents in mode `logoon`, linked to their object.
  const logoLinks = spip.tables.has('spip_documents_liens') ? spip.db.prepare(
    "select l.id_document, l.id_objet, l.objet from spip_documents_liens l join spip_documents d on d.id_document = l.id_document where d.mode = 'logoon' and l.objet in ('article', 'rubrique')",
  ).all() as { id_document: number; id_objet: number; objet: string }[] : [];
  for (const link of logoLinks) {
    const mediaId = maps.document.get(link.id_document);
    if (mediaId !== undefined) (link.objet === 'article' ? maps.logoArticle : maps.logoRubrique).set(link.id_objet, mediaId);
  }
}

/** The logos of SPIP 1–3 (`IMG/arton12.jpg`, `IMG/rubon3.png`), where no SPIP 4 logo document says otherwise. */
async function importOldLogos(ctx: ImportContext): Promise<void> {
  if (ctx.imgDir === undefined) return;
  const files = readdirSync(ctx.imgDir).filter((f) => OLD_LOGO.test(f)).sort();
  ctx.progress.start('Logos', files.length);
  const known = { art: await loadImportKeys(ctx.db.kysely, 'logo_article'), rub: await loadImportKeys(ctx.db.kysely, 'logo_rubrique') };
  const alive = new Set((await findMediaItems(ctx.db.kysely, [...known.art.values(), ...known.rub.values()])).map((m) => m.id));
  for (const file of files) {
    const [, kind, id] = OLD_LOGO.exec(file) as unknown as [string, 'art' | 'rub', string];
    const spipId = Number(id);
    const target = kind === 'art' ? ctx.maps.logoArticle : ctx.maps.logoRubrique;
    const keyType: SpipKeyType = kind === 'art' ? 'logo_article' : 'logo_rubrique';
    const existing = known[kind].get(spipId);
    if (target.has(spipId)) {
      skip(ctx.report, 'logos', file, 'l’objet a déjà un logo SPIP 4 (document en mode logo).');
    } else if (existing !== undefined && alive.has(existing)) {
      target.set(spipId, existing);
      ctx.report.counts.logos.updated += 1;
    } else if (ctx.dryRun) {
      target.set(spipId, -spipId);
      ctx.report.counts.logos.created += 1;
    } else {
      const mediaId = await addFile(ctx, join(ctx.imgDir, file), { texts: { title: `Logo ${kind === 'art' ? 'de l’article' : 'de la rubrique'} ${spipId}`, decorative: true }, review: true }, kind === 'art' ? 'logo article' : 'logo rubrique', spipId);
      if (mediaId !== undefined) {
        target.set(spipId, mediaId);
        await saveImportKeys(ctx.db.kysely, keyType, [[spipId, mediaId]], ctx.now);
        ctx.report.counts.logos.created += 1;
      }
    }
    ctx.progress.advance();
  }
  ctx.progress.finish();
}

/** `spip_documents` (files from `--img`) and logos → media-library items; their uses are recorded with the articles. */
export async function importMedia(ctx: ImportContext): Promise<void> {
  await importDocuments(ctx);
  await importOldLogos(ctx);
  if (ctx.dryRun) return;
  // A section has no illustration field: its logo is kept in the library as a use of the section.
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const [spipId, mediaId] of ctx.maps.logoRubrique) {
      const sectionId = ctx.maps.rubrique.get(spipId);
      if (sectionId !== undefined) await replaceObjectMediaUses(trx, 'section', sectionId, [{ mediaId, role: 'logo' }]);
    }
  });
}
