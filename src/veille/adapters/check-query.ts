const MAX_LENGTH = 500;

/** A search query as entered, trimmed; or the French reason it cannot be used. */
export type QueryCheck = { readonly ok: true; readonly query: string } | { readonly ok: false; readonly error: string };

/**
 * Checks a search query for a network's search API: a non-empty string of at most 500
 * characters, without control characters.
 *
 * @example checkQuery('  budget participatif ') // { ok: true, query: 'budget participatif' }
 */
export function checkQuery(value: unknown): QueryCheck {
  const query = typeof value === 'string' ? value.trim() : '';
  if (query === '') return { ok: false, error: 'Indiquez les mots à rechercher.' };
  if (query.length > MAX_LENGTH) return { ok: false, error: `La recherche ne doit pas dépasser ${MAX_LENGTH} caractères.` };
  if (/[\u0000-\u001f\u007f]/.test(query)) return { ok: false, error: 'La recherche contient des caractères invisibles non autorisés.' };
  return { ok: true, query };
}
