/**
 * The plain words of a SPIP text, shortcuts and tags removed: for excerpts, descriptions and feeds.
 *
 * @example
 * plainText('{{Fête}} au [parc->https://ex.fr][[Note]]') // "Fête au parc"
 */
export function plainText(spip: string): string {
  return spip
    .replace(/\[\[[\s\S]*?\]\]/g, '')               // footnotes
    .replace(/<(code|cadre|frame)>[\s\S]*?<\/\1>/gi, '')
    .replace(/\[([^\]]*?)(?:\|[^\]]*)?->[^\]]*\]/g, '$1') // [texte->url]
    .replace(/\[\?([^\]#]*)(?:#[^\]]*)?\]/g, '$1')    // [?glossaire]
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{+|\}+/g, '')
    .replace(/^[-_|#*]+\s?/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Trims a text to at most `max` characters on a word boundary, ending with SPIP's " (...)".
 * Texts that already fit are returned whole, without the mark.
 *
 * @example
 * excerpt('Le conseil municipal se réunira jeudi', 20) // "Le conseil municipal (...)"
 */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const trimmed = (lastSpace > max / 2 ? cut.slice(0, lastSpace) : text.slice(0, max)).replace(/[\s,;:.!?'’-]+$/u, '');
  return `${trimmed} (...)`;
}
