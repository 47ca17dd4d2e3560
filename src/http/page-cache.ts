import type { Db } from '../db/database.js';
import { findNextPublication } from '../blog/store.js';

/** A rendered public response, shared by every visitor. */
export interface CachedPage {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** Extra headers such as `location` for redirects. */
  readonly headers?: Readonly<Record<string, string>>;
}

interface Entry {
  readonly page: CachedPage;
  readonly version: number;
  /** Epoch ms: the next scheduled publication, after which lists and feeds change. */
  readonly validUntil: number;
}

const DEFAULT_LIFETIME_MS = 24 * 3600_000;

/**
 * Rendered pages in memory, never stale: an entry is served only while the database change
 * counter still has the value it was rendered at, and only until the next scheduled publication.
 * Writes anywhere (this process, the CLI, a worker, another web process) bump the counter.
 */
export function createPageCache(db: Db, now: () => Date, maxEntries = 2000) {
  const entries = new Map<string, Entry>();
  let nextPublication: { version: number; at: number } | undefined;

  async function validUntil(version: number): Promise<number> {
    const nowMs = now().getTime();
    if (nextPublication?.version !== version || nextPublication.at <= nowMs) {
      const next = await findNextPublication(db.kysely, now());
      nextPublication = { version, at: next ? Date.parse(next) : nowMs + DEFAULT_LIFETIME_MS };
    }
    return nextPublication.at;
  }

  return {
    /** The page for `key` at `version`, rendering it on a miss (only 200 and 301 responses are kept). */
    async get(key: string, version: number, render: () => Promise<CachedPage>): Promise<CachedPage> {
      const entry = entries.get(key);
      if (entry && entry.version === version && entry.validUntil > now().getTime()) return entry.page;
      const page = await render();
      if (page.status === 200 || page.status === 301) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, { page, version, validUntil: await validUntil(version) });
      }
      return page;
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
