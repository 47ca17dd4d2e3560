/**
 * A readable, stable URL segment from a French title: accents dropped, elided articles kept
 * joined, everything else turned into single dashes.
 *
 * @example
 * slugify("L'été à Saint-Étienne : 14 idées !") // "l-ete-a-saint-etienne-14-idees"
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'article';
}

/** Whether a slug typed by an editor is acceptable as it is. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 120;
}
