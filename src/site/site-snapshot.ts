import type { Db } from '../db/database.js';
import type { Section } from '../blog/article.js';
import { listSections } from '../blog/store.js';
import { readSiteSettings, type SiteSettings } from './settings-store.js';
import { siteVersionReader } from './site-version.js';

/** What every page needs besides its own content: settings and the section tree, at one version. */
export interface SiteSnapshot {
  readonly version: number;
  readonly settings: SiteSettings;
  readonly sections: readonly Section[];
}

/**
 * Keeps the settings and sections in memory and reloads them only when the change counter
 * moved, so pages read one integer instead of two tables.
 */
export function createSiteSnapshots(db: Db) {
  let current: SiteSnapshot | undefined;
  const readVersion = siteVersionReader(db);
  return {
    /** The snapshot at `version` (read the version first, once per request). */
    async at(version: number): Promise<SiteSnapshot> {
      if (current?.version === version) return current;
      const [settings, sections] = await Promise.all([readSiteSettings(db.kysely), listSections(db.kysely)]);
      current = Object.freeze({ version, settings, sections: Object.freeze(sections) });
      return current;
    },
    /** Reads the change counter (one indexed row, query compiled once). */
    readVersion,
    /** The current version and snapshot. */
    async latest(): Promise<SiteSnapshot> {
      return this.at(await readVersion());
    },
  };
}

export type SiteSnapshots = ReturnType<typeof createSiteSnapshots>;
