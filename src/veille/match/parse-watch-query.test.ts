import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWatchQuery } from './parse-watch-query.js';
import { WatchQuerySyntaxError } from './watch-query-syntax-error.js';

const word = (w: string, field = 'text') => ({ kind: 'word', field, word: w });

/** The error a query raises (fails the test when it parses). */
function syntaxError(text: string): WatchQuerySyntaxError {
  try {
    parseWatchQuery(text);
  } catch (error) {
    assert.ok(error instanceof WatchQuerySyntaxError);
    return error;
  }
  assert.fail(`« ${text} » should not parse`);
}

describe('parseWatchQuery', () => {
  test('joins words side by side with AND, and reads AND/ET the same', () => {
    const expected = { kind: 'and', children: [word('festival'), word('lyon'), word('ete')] };
    assert.deepEqual(parseWatchQuery('festival Lyon été'), expected);
    assert.deepEqual(parseWatchQuery('festival AND Lyon ET Été'), expected);
  });

  test('gives AND precedence over OR, and reads OR/OU the same', () => {
    const expected = { kind: 'or', children: [{ kind: 'and', children: [word('a'), word('b')] }, word('c')] };
    assert.deepEqual(parseWatchQuery('a b OR c'), expected);
    assert.deepEqual(parseWatchQuery('a ET b OU c'), expected);
    assert.deepEqual(parseWatchQuery('a (b OR c)'), { kind: 'and', children: [word('a'), { kind: 'or', children: [word('b'), word('c')] }] });
  });

  test('reads NOT, SAUF and a leading minus as negation, binding tighter than AND', () => {
    const expected = { kind: 'and', children: [word('budget'), { kind: 'not', child: word('annexe') }] };
    assert.deepEqual(parseWatchQuery('budget NOT annexe'), expected);
    assert.deepEqual(parseWatchQuery('budget SAUF annexe'), expected);
    assert.deepEqual(parseWatchQuery('budget -annexe'), expected);
    assert.deepEqual(parseWatchQuery('NOT sport'), { kind: 'not', child: word('sport') });
  });

  test('keeps lower-case and/or/not as words', () => {
    assert.deepEqual(parseWatchQuery('rock and roll'), { kind: 'and', children: [word('rock'), word('and'), word('roll')] });
  });

  test('folds phrases without stemming, and reads French quotes', () => {
    const expected = { kind: 'phrase', field: 'text', words: ['fete', 'de', 'la', 'musique'] };
    assert.deepEqual(parseWatchQuery('"Fête de la Musique"'), expected);
    assert.deepEqual(parseWatchQuery('« fête de la musique »'), expected);
    assert.deepEqual(parseWatchQuery('“fête de la musique”'), expected);
  });

  test('drops French elisions, typographic apostrophe included, and makes a hyphenated word a phrase', () => {
    assert.deepEqual(parseWatchQuery('l’école'), word('ecole'));
    assert.deepEqual(parseWatchQuery("qu'aujourd'hui"), word('aujourdhui'));
    assert.deepEqual(parseWatchQuery('Saint-Étienne'), { kind: 'phrase', field: 'text', words: ['saint', 'etienne'] });
  });

  test('reads prefixes', () => {
    assert.deepEqual(parseWatchQuery('Festiv*'), { kind: 'prefix', field: 'text', prefix: 'festiv' });
  });

  test('reads NEAR/n and ONEAR/n, with a choice of terms on a side and NEAR alone meaning 5', () => {
    assert.deepEqual(parseWatchQuery('NEAR/3(festival, "programmation musicale")'), {
      kind: 'near', field: 'text', distance: 3, ordered: false,
      left: [word('festival')], right: [{ kind: 'phrase', field: 'text', words: ['programmation', 'musicale'] }],
    });
    assert.deepEqual(parseWatchQuery('ONEAR/0(conseil, (municipal OR communautaire*))'), {
      kind: 'near', field: 'text', distance: 0, ordered: true,
      left: [word('conseil')], right: [word('municipal'), { kind: 'prefix', field: 'text', prefix: 'communautaire' }],
    });
    assert.equal((parseWatchQuery('NEAR(a, b)') as { distance: number }).distance, 5);
  });

  test('pushes fields down to the terms, French names too, and reads a site as its host', () => {
    assert.deepEqual(parseWatchQuery('titre:(budget OR vote) lang:fr'), {
      kind: 'and', children: [{ kind: 'or', children: [word('budget', 'title'), word('vote', 'title')] }, word('fr', 'lang')],
    });
    assert.deepEqual(parseWatchQuery('author:"Marie Curie"'), { kind: 'phrase', field: 'author', words: ['marie', 'curie'] });
    assert.deepEqual(parseWatchQuery('site:https://www.leprogres.fr/lyon'), { kind: 'phrase', field: 'site', words: ['www', 'leprogres', 'fr'] });
    assert.deepEqual(parseWatchQuery('source:mastodon'), word('mastodon', 'source'));
  });

  test('returns a frozen tree', () => {
    const query = parseWatchQuery('a (b OR "c d")');
    assert.ok(Object.isFrozen(query));
    assert.ok(query.kind === 'and' && Object.isFrozen(query.children) && Object.isFrozen(query.children[1]));
  });

  test('names the position and what was expected, in French', () => {
    const cases: readonly [string, number, RegExp][] = [
      ['', 0, /un terme/],
      ['(festival', 9, /« \) »/],
      ['festival)', 8, /la fin de la requête/],
      ['a OR', 4, /un terme/],
      ['AND a', 0, /un terme/],
      ['"fête de', 8, /guillemets fermants/],
      ['NEAR/5(a b)', 9, /« , » entre les deux termes de NEAR/],
      ['NEAR/5 a', 7, /« \( » après NEAR\/5/],
      ['NEAR/99(a, b)', 5, /de 0 à 50/],
      ['titel:budget', 0, /title:, author:, site:, lang:, source:/],
      ['fe*stival', 2, /le joker termine un mot/],
      ['f*', 0, /au moins deux lettres/],
      ['a , b', 2, /un terme/],
      ['"!!"', 0, /des mots entre les guillemets/],
    ];
    for (const [text, position, expected] of cases) {
      const error = syntaxError(text);
      assert.equal(error.position, position, text);
      assert.match(error.expected, expected, text);
      assert.match(error.message, new RegExp(`^Requête incorrecte au caractère ${position + 1} : on attendait `), text);
    }
    assert.equal(syntaxError('(festival').message, 'Requête incorrecte au caractère 10 : on attendait « ) », mais on trouve la fin de la requête.');
  });
});
