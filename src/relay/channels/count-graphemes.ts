const segmenter = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/**
 * The number of user-perceived characters (extended grapheme clusters, UAX #29): an emoji
 * ZWJ sequence, a flag or a letter with combining accents is one.
 *
 * @example countGraphemes('👩‍💻 🇫🇷 e\u0301') // 5
 */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _segment of segmenter.segment(text)) count += 1;
  return count;
}
