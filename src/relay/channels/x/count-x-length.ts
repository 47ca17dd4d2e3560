import { findUrls } from '../find-urls.js';

/** twitter-text v3 configuration (`config/v3.json`): weights per 100, URLs 23, emoji parsed. */
const SCALE = 100;
const DEFAULT_WEIGHT = 200;
const URL_WEIGHT = 23 * SCALE;
const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351], // Latin, Greek, Cyrillic, Hebrew, Arabic, Indic… (U+0000–U+10FF)
  [8192, 8205], // general punctuation spaces U+2000–U+200D
  [8208, 8223], // dashes and quotes U+2010–U+201F
  [8242, 8247], // primes U+2032–U+2037
];
const segmenter = new Intl.Segmenter('fr', { granularity: 'grapheme' });
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const REGIONAL = /\p{Regional_Indicator}/u;

/**
 * The weighted length of a post as X counts it (280 at most), following twitter-text v3:
 * the text in NFC; each URL 23; each emoji (a whole sequence: ZWJ family, flag, keycap,
 * skin tone) 2; other code points 1 in the light ranges (Latin and accents, U+2000–U+200D,
 * U+2010–U+201F, U+2032–U+2037) and 2 elsewhere (CJK, and the narrow no-break space U+202F
 * French typography puts before « ; : ! ? »). Simplified: only http(s) links are URLs, and
 * an emoji is a grapheme holding a pictographic character above U+00FF, a regional
 * indicator, a variation selector 16 or a keycap.
 *
 * @example countXLength('Bonjour 👋🏽 https://www.ville-exemple.fr/une-tres-longue-adresse') // 34
 */
export function countXLength(text: string): number {
  const normalized = text.normalize('NFC');
  let weight = 0;
  let from = 0;
  for (const url of findUrls(normalized)) {
    weight += weightOf(normalized.slice(from, url.start)) + URL_WEIGHT;
    from = url.end;
  }
  weight += weightOf(normalized.slice(from));
  return Math.ceil(weight / SCALE);
}

function weightOf(text: string): number {
  let weight = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (isEmoji(segment)) {
      weight += DEFAULT_WEIGHT;
      continue;
    }
    for (const character of segment) weight += codePointWeight(character.codePointAt(0) ?? 0);
  }
  return weight;
}

function isEmoji(grapheme: string): boolean {
  if (REGIONAL.test(grapheme) || grapheme.includes('\u20e3') || grapheme.includes('\ufe0f')) return true;
  for (const character of grapheme) {
    if ((character.codePointAt(0) ?? 0) > 0xff && PICTOGRAPHIC.test(character)) return true;
  }
  return false;
}

function codePointWeight(codePoint: number): number {
  return LIGHT_RANGES.some(([start, end]) => codePoint >= start && codePoint <= end) ? SCALE : DEFAULT_WEIGHT;
}
