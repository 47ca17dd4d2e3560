import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightMatches } from './highlight-matches.js';
import { parseWatchQuery } from './parse-watch-query.js';

test('marks stemmed words, prefixes and whole phrases, and escapes the text', () => {
  const query = parseWatchQuery('festival "budget primitif" vot* -annulé');
  assert.equal(
    highlightMatches(query, 'Les Festivals <b>annulés</b> & le Budget primitif, voté.'),
    'Les <mark>Festivals</mark> &lt;b&gt;annulés&lt;/b&gt; &amp; le <mark>Budget primitif</mark>, <mark>voté</mark>.',
  );
});

test('does not mark negated terms nor terms of other fields', () => {
  assert.equal(highlightMatches(parseWatchQuery('NOT budget author:festival'), 'budget festival'), 'budget festival');
});

test('marks the terms of NEAR and of title:, with accents and elisions folded', () => {
  assert.equal(highlightMatches(parseWatchQuery('NEAR/3(ecole, ete) title:mairie'), "L'École d’été, Mairie"), "L'<mark>École</mark> d’<mark>été</mark>, <mark>Mairie</mark>");
});
