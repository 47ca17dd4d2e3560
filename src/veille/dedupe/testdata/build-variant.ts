import { pick } from '../../../markup/testdata/seeded-random.js';

/** Words a journalist might swap in when rewriting a dispatch. */
const REPLACEMENTS = ['mercredi', 'jeudi', 'commune', 'ville', 'habitants', 'projet', 'nouvelle', 'grande', 'prochain', 'élus'];

/** The text with `count` words, chosen at random, replaced: the same story as told by another source. */
export function buildVariant(random: () => number, text: string, count: number): string {
  const words = text.split(' ');
  for (let i = 0; i < count; i++) words[Math.floor(random() * words.length)] = pick(random, REPLACEMENTS);
  return words.join(' ');
}

/** Article-length texts: three paragraphs of the corpus each, every paragraph opening one article. */
export function buildArticles(paragraphs: readonly string[]): string[] {
  return paragraphs.map((first, i) => [first, paragraphs[(i + 1) % paragraphs.length], paragraphs[(i + 5) % paragraphs.length]].join('\n'));
}
