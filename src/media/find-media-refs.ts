/** The media shortcuts as the SPIP tokeniser reads them (`src/markup/tokenise-spip.ts`). */
const MEDIA = /<(img|doc|emb)([0-9]{1,9})(?:\|(?:left|right|center))?>/gi;

/**
 * The ids of the media items a SPIP text points to with `<imgN>`, `<docN>` or `<embN>`, once
 * each, in order. A shortcut inside `<code>` counts too: for delete protection, better one use too
 * many than an article with a hole.
 *
 * @example
 * findMediaRefs('Voir <img12|left> et <doc4>, puis <img12>.') // [12, 4]
 */
export function findMediaRefs(text: string): number[] {
  const ids = new Set<number>();
  for (const match of text.matchAll(MEDIA)) ids.add(Number(match[2]));
  return [...ids];
}
