const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * `reference` resolved against `base` (WHATWG URL); the reference unchanged
 * when there is no base or it cannot be resolved, `undefined` when empty.
 *
 * @example resolveUrl('../a.html', 'https://mairie.fr/actus/feed.xml') // 'https://mairie.fr/a.html'
 */
export function resolveUrl(reference: string | undefined, base: string | undefined): string | undefined {
  const trimmed = reference?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  // An absolute reference is kept as written (issue 6: "unchanged otherwise"); canonical forms are the dedupe's job.
  if (base === undefined || ABSOLUTE.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}
