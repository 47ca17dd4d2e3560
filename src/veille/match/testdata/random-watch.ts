import { pick } from '../../../markup/testdata/seeded-random.js';
import type { MatchableItem } from '../matchable-item.js';

/**
 * A small vocabulary where stems, elisions, accents, ligatures and case
 * collide often: random queries and items drawn from it match each other
 * in all the ways the language allows.
 */
export const VOCABULARY: readonly string[] = Object.freeze([
  'festival', 'Festivals', 'festivités', 'fête', 'fêtes', 'FÊTE', 'été', 'l’été', "d'été", 'budget', 'budgets', 'Budgétaire',
  'vote', 'votée', 'voter', 'votes', 'conseil', 'conseiller', 'conseillères', 'nouvelle', 'nouvel', 'nouvelles', 'école',
  "l'école", 'écoles', 'sportive', 'sportif', 'journaux', 'journal', 'eaux', 'eau', 'châteaux', 'rue', 'rues', 'mairie',
  'MAIRIE', 'cœur', 'coeur', 'aujourd’hui', 'qu’il', 'jusqu’à', 'la', 'de', 'le', 'les', 'des', 'a', 'à', 'an', 'ans',
  '2024', 'lyon', 'Lyon', 'saint', 'étienne', 'saint-étienne', 'vive', 'vif',
]);

const SEPARATORS: readonly string[] = [' ', ' ', ' ', ', ', '. ', ' - ', ' (', ') ', '\n', ' « ', ' » ', '-', '’', "'"];

/** Some words of the vocabulary with random separators between them. */
export function randomText(random: () => number, maxWords: number): string {
  const count = Math.floor(random() * (maxWords + 1));
  let text = '';
  for (let i = 0; i < count; i++) text += (i > 0 ? pick(random, SEPARATORS) : '') + pick(random, VOCABULARY);
  return text;
}

/** A random item: a short title, a text, and sometimes an author, a site, a language and a source. */
export function randomItem(random: () => number): MatchableItem {
  return {
    title: randomText(random, 4),
    text: randomText(random, 16),
    ...(random() < 0.3 ? { author: pick(random, ['Marie Rue', 'Jean Conseil', 'la mairie', 'Léa Fête']) } : {}),
    ...(random() < 0.3 ? { site: pick(random, ['www.leprogres.fr', 'lyon.fr', 'fete.example.org']) } : {}),
    ...(random() < 0.3 ? { lang: pick(random, ['fr', 'en', 'fr-FR']) } : {}),
    ...(random() < 0.3 ? { source: pick(random, [['Le Progrès', 'feed'], ['Mairie de Lyon', 'mastodon'], ['Fête', 'youtube']]) } : {}),
  };
}

function randomWord(random: () => number): string {
  // A query word is one word: no hyphen, as typed.
  return pick(random, VOCABULARY.filter((w) => !w.includes('-')));
}

function randomTerm(random: () => number): string {
  const roll = random();
  if (roll < 0.5) return randomWord(random);
  if (roll < 0.75) {
    const count = 1 + Math.floor(random() * 3);
    return `"${Array.from({ length: count }, () => pick(random, VOCABULARY)).join(' ')}"`;
  }
  if (roll < 0.9) {
    const word = pick(random, ['festival', 'fête', 'budget', 'vote', 'conseil', 'école', 'nouvelle', 'journaux', 'Lyon', 'saint', 'eaux', 'cœur']);
    return `${word.slice(0, 2 + Math.floor(random() * (word.length - 1)))}*`;
  }
  return 'saint-étienne';
}

function randomSide(random: () => number): string {
  if (random() < 0.7) return randomTerm(random);
  return `(${randomTerm(random)} ${pick(random, ['OR', 'OU'])} ${randomTerm(random)})`;
}

/** A random query over the vocabulary, with every operator, both spellings, fields and nesting. */
export function randomQuery(random: () => number, depth = 0): string {
  const roll = random();
  if (depth >= 3 || roll < 0.3) {
    const field = random() < 0.2 ? `${pick(random, ['title', 'titre', 'author', 'site', 'lang', 'source'])}:` : '';
    return field + randomTerm(random);
  }
  if (roll < 0.42) {
    return `${pick(random, ['NEAR', 'ONEAR'])}/${Math.floor(random() * 4)}(${randomSide(random)}, ${randomSide(random)})`;
  }
  if (roll < 0.5) return `${pick(random, ['NOT ', 'SAUF ', '-'])}${randomQuery(random, depth + 1)}`;
  if (roll < 0.55) return `title:(${randomQuery(random, depth + 1)})`;
  const operator = pick(random, [' AND ', ' ET ', ' ', ' OR ', ' OU ', ' NOT ', ' SAUF ']);
  return `(${randomQuery(random, depth + 1)}${operator}${randomQuery(random, depth + 1)})`;
}
