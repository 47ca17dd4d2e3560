const MULTI = /<multi>([\s\S]*?)<\/multi>/gi;
const PART = /\[([a-z]{2,3}(?:_[a-z]{2,4})?)\]/gi;

/**
 * Resolves SPIP's multilingual blocks to one language, as SPIP shows them to a reader of that
 * language: `<multi>[fr]Fête[en]Party</multi>` gives « Fête » in French; a language the block
 * lacks gets its first part (text before the first `[xx]` counts as that first part).
 *
 * @example resolveMulti('<multi>[fr]Fête du village[en]Village party</multi>', 'en') // 'Village party'
 */
export function resolveMulti(text: string, language: string): string {
  if (!text.includes('<multi>') && !text.includes('<MULTI>')) return text;
  return text.replace(MULTI, (_whole, inner: string) => {
    const parts = new Map<string, string>();
    let first: string | undefined;
    const markers = [...inner.matchAll(PART)];
    const lead = inner.slice(0, markers[0]?.index ?? inner.length).trim();
    if (lead !== '') first = lead;
    markers.forEach((m, i) => {
      const end = markers[i + 1]?.index ?? inner.length;
      const value = inner.slice(m.index! + m[0].length, end).trim();
      parts.set(m[1]!.toLowerCase(), value);
      first ??= value;
    });
    return parts.get(language) ?? first ?? '';
  });
}
