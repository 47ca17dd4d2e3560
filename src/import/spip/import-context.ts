import type { Db } from '../../db/database.js';
import type { MediaService } from '../../media/service.js';
import type { ImportProgress } from './import-progress.js';
import type { ImportReport } from './import-report.js';
import type { SpipDatabase } from './open-spip-database.js';

/** SPIP id → Relais id, per kind, filled in as the import goes (on a dry run, ids it would keep or reuse). */
export interface ImportMaps {
  readonly rubrique: Map<number, number>;
  readonly article: Map<number, number>;
  readonly document: Map<number, number>;
  readonly auteur: Map<number, number>;
  /** Main illustrations: SPIP article / section id → media id. */
  readonly logoArticle: Map<number, number>;
  readonly logoRubrique: Map<number, number>;
}

/** What every step of the import reads and writes. */
export interface ImportContext {
  readonly db: Db;
  readonly media: Pick<MediaService, 'add'>;
  readonly spip: SpipDatabase;
  /** The site's `IMG/` folder; undefined: documents and logos are reported as skipped. */
  readonly imgDir: string | undefined;
  readonly dryRun: boolean;
  readonly now: Date;
  /** SPIP dates are the site's local time. */
  readonly timeZone: string;
  /** The site language after the import (an article in another one is reported). */
  readonly language: string;
  readonly report: ImportReport;
  readonly progress: ImportProgress;
  readonly maps: ImportMaps;
  /** SPIP article id → the documents linked to it (`spip_documents_liens`). */
  readonly attachments: ReadonlyMap<number, readonly number[]>;
}

/** Runs `work` over `items` in slices of `size`. */
export async function inSlices<T>(items: readonly T[], size: number, work: (slice: readonly T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size));
}

/** A slug not used yet: `base`, then `base-<spipId>`, then `base-<spipId>-2`… */
export async function freeSlug(base: string, spipId: number, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  if (!(await isTaken(base))) return base;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? `${base}-${spipId}` : `${base}-${spipId}-${n}`;
    if (!(await isTaken(slug))) return slug;
  }
}
