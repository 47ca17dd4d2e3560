import { foldWords } from '../normalize/fold-words.js';
import { STOP_WORDS } from '../normalize/stop-words.js';

/** Function words of every language the detector knows: they vote with weight 1, other words with `CONTENT_WEIGHT`. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(Object.values(STOP_WORDS).flat());
const CONTENT_WEIGHT = 2;

/** A 64-bit SimHash as two unsigned 32-bit halves (plain numbers: cheaper than a bigint per comparison). */
export interface SimHash {
  readonly high: number;
  readonly low: number;
}

/**
 * The 64-bit SimHash (Charikar) of a text: each folded word (see
 * `foldWords`: accents folded, French elisions split) is hashed to 64 bits,
 * each bit votes for or against once per occurrence, and the fingerprint
 * keeps the sign of each bit's total. Texts that share most words get
 * fingerprints a few bits apart; unrelated texts differ in about 40 % of them.
 *
 * The shingles are single words (so word order is ignored: short texts are
 * grouped by fingerprint only from `MIN_SIMHASH_WORDS` words on). Measured on the corpus of
 * `testdata/french-news.ts` (three-paragraph texts, 1 to 3 words replaced):
 * with two-word shingles a near duplicate of a 70-word paragraph moved by up
 * to 16 bits, as far as unrelated paragraphs. Function words (`le`, `de`,
 * `the`…) vote with half the weight of other words: they steady the votes of
 * a near duplicate, yet at full weight they drew unrelated French texts as
 * close as 10 bits; at half weight the closest unrelated pair is 18 bits
 * apart while 99 % of one- or two-word edits stay within `SIMILAR_DISTANCE`.
 *
 * @example
 * hammingDistance(simhash(article), simhash(article.replace('mardi', 'mercredi'))); // ≤ SIMILAR_DISTANCE
 */
export function simhash(text: string): SimHash {
  return simhashOfWords(foldWords(text));
}

/** The SimHash of words already folded by `foldWords` (for callers that need the words too). */
export function simhashOfWords(words: readonly string[]): SimHash {
  const votes = new Int32Array(64);
  for (const word of words) {
    const hash = hashWord(word);
    const weight = FUNCTION_WORDS.has(word) ? 1 : CONTENT_WEIGHT;
    vote(votes, 0, mix(hash ^ 0x27d4eb2f), weight);
    vote(votes, 32, mix(hash ^ 0x165667b1), weight);
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit]! > 0) high |= 1 << bit;
    if (votes[32 + bit]! > 0) low |= 1 << bit;
  }
  return Object.freeze({ high: high >>> 0, low: low >>> 0 });
}

function vote(votes: Int32Array, offset: number, hash: number, weight: number): void {
  // Branch-free: a set bit adds the weight, a clear one subtracts it.
  for (let bit = 0; bit < 32; bit++) votes[offset + bit]! += (((hash >>> bit) & 1) * 2 - 1) * weight;
}

/** FNV-1a over the UTF-16 code units of a word. */
function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the 32 output bits. */
function mix(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
