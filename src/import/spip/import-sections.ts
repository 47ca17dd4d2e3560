import { findSectionBySlug, insertSection, updateSectionRow } from '../../blog/store.js';
import { slugify } from '../../blog/slugify.js';
import { decodeEntities } from '../../markup/decode-entities.js';
import { freeSlug, type ImportContext } from './import-context.js';
import { warn } from './import-report.js';
import { splitSpipTitle } from './map-spip-values.js';
import { resolveMulti } from './resolve-multi.js';
import { findTakenIds, loadImportKeys, resyncIdSequence, saveImportKeys } from './store.js';

interface RubriqueRow { id_rubrique: number; id_parent: number; titre: string; descriptif: string; texte: string }

/** Parents before children, whatever the ids (a section may be moved under a newer one). */
function parentsFirst(rows: readonly RubriqueRow[]): RubriqueRow[] {
  const byParent = new Map<number, RubriqueRow[]>();
  for (const row of rows) byParent.set(row.id_parent, [...(byParent.get(row.id_parent) ?? []), row]);
  const ids = new Set(rows.map((r) => r.id_rubrique));
  const ordered: RubriqueRow[] = [];
  const queue = rows.filter((r) => r.id_parent === 0 || !ids.has(r.id_parent));
  while (queue.length > 0) {
    const row = queue.shift()!;
    ordered.push(row);
    queue.push(...(byParent.get(row.id_rubrique) ?? []));
  }
  return ordered;
}

/** `spip_rubriques` → sections, with their hierarchy and SPIP's order (`02. Titre`), the SPIP id kept where free. */
export async function importSections(ctx: ImportContext): Promise<void> {
  const { db, spip, report, maps } = ctx;
  const rows = spip.db.prepare('select id_rubrique, id_parent, titre, descriptif, texte from spip_rubriques order by id_rubrique').all() as RubriqueRow[];
  const urls = new Map((spip.tables.has('spip_urls')
    ? spip.db.prepare("select id_objet, url from spip_urls where type = 'rubrique' order by date").all() as { id_objet: number; url: string }[] : [])
    .map((r) => [r.id_objet, r.url]));
  const known = await loadImportKeys(db.kysely, 'rubrique');
  const alive = await findTakenIds(db.kysely, 'sections', [...known.values()]);
  const taken = await findTakenIds(db.kysely, 'sections', rows.map((r) => r.id_rubrique));
  const ordered = parentsFirst(rows);
  ctx.progress.start('Rubriques', ordered.length);
  const keys: [number, number][] = [];
  await db.kysely.transaction().execute(async (trx) => {
    for (const row of ordered) {
      const { title, rank } = splitSpipTitle(decodeEntities(resolveMulti(row.titre, ctx.language)));
      const fields = {
        parentId: row.id_parent === 0 ? null : maps.rubrique.get(row.id_parent) ?? null,
        title: title || `Rubrique ${row.id_rubrique}`, description: decodeEntities(resolveMulti(row.descriptif, ctx.language)).trim(), position: rank ?? 0,
      };
      if (row.texte.trim() !== '') warn(report, 'rubrique', row.id_rubrique, 'le texte de présentation de la rubrique n’est pas repris (seul le descriptif l’est).');
      const existing = known.get(row.id_rubrique);
      if (existing !== undefined && alive.has(existing)) {
        if (!ctx.dryRun) await updateSectionRow(trx, existing, fields, ctx.now);
        maps.rubrique.set(row.id_rubrique, existing);
        report.counts.rubriques.updated += 1;
      } else {
        const id = taken.has(row.id_rubrique) ? undefined : row.id_rubrique;
        if (ctx.dryRun) {
          maps.rubrique.set(row.id_rubrique, id ?? -row.id_rubrique);
        } else {
          const slug = await freeSlug(slugify(urls.get(row.id_rubrique) ?? fields.title), row.id_rubrique, async (s) => (await findSectionBySlug(trx, s)) !== undefined);
          const section = await insertSection(trx, { ...fields, slug, ...(id !== undefined && { id }) }, ctx.now);
          maps.rubrique.set(row.id_rubrique, section.id);
          keys.push([row.id_rubrique, section.id]);
        }
        report.counts.rubriques.created += 1;
      }
      ctx.progress.advance();
    }
    if (!ctx.dryRun) await saveImportKeys(trx, 'rubrique', keys, ctx.now);
  });
  if (!ctx.dryRun) await resyncIdSequence(db, 'sections');
  ctx.progress.finish();
}
