import type { Executor } from '../../db/database.js';
import { readOpml } from './read-opml.js';
import { addSource } from './store.js';

/** The outcome of an OPML import: counts, and one French message per line that failed. */
export interface OpmlImportReport {
  readonly added: number;
  readonly alreadyWatched: number;
  readonly errors: readonly { readonly line: number; readonly message: string }[];
}

/**
 * Adds every feed of an OPML document as a source (due at once); a line that cannot be added is
 * reported and the import goes on. `onProgress` hears of each outline in turn.
 */
export async function importOpml(
  db: Executor, xml: string, now: Date, onProgress: (done: number, total: number) => void = () => {},
): Promise<OpmlImportReport> {
  const lines = readOpml(xml);
  let added = 0;
  let alreadyWatched = 0;
  const errors: { line: number; message: string }[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.kind === 'error') errors.push({ line: line.line, message: line.message });
    else if (await addSource(db, { url: line.url, kind: 'feed', title: line.title, siteLink: line.siteLink }, now)) added++;
    else alreadyWatched++;
    onProgress(index + 1, lines.length);
  }
  if (lines.length === 0) errors.push({ line: 1, message: 'Ce fichier ne contient aucune source (éléments <outline> avec xmlUrl).' });
  return { added, alreadyWatched, errors };
}
