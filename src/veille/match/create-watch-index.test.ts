import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWatchIndex } from './create-watch-index.js';
import type { MatchableItem } from './matchable-item.js';
import { parseWatchQuery } from './parse-watch-query.js';

const ITEM: MatchableItem = Object.freeze({
  title: 'Conseil municipal : le budget primitif voté',
  text: "Les élus ont adopté mardi le budget de l'année. La programmation du Festival d’été sera dévoilée en juin ; "
    + 'les associations sportives saluent la hausse des subventions.',
  author: 'Marie Dupont',
  site: 'www.leprogres.fr',
  lang: 'fr',
  source: ['Le Progrès', 'feed'],
});

/** Whether the query matches ITEM, through an index holding it alone. */
function matches(query: string, item: MatchableItem = ITEM): boolean {
  const index = createWatchIndex();
  index.set(7, parseWatchQuery(query));
  return index.match(item).includes(7);
}

describe('createWatchIndex', () => {
  test('matches words whatever their case, accents, elisions and number', () => {
    for (const query of ['budget', 'BUDGETS', 'programmation', 'Ete', 'l’été', 'elu', 'élue', 'festivals', 'sportif', 'associations']) {
      assert.ok(matches(query), query);
    }
    assert.equal(matches('vacances'), false);
  });

  test('AND, implicit AND, OR and NOT, in both spellings', () => {
    assert.ok(matches('budget ET festival'));
    assert.ok(matches('budget festival'));
    assert.equal(matches('budget AND vacances'), false);
    assert.ok(matches('vacances OR festival'));
    assert.ok(matches('vacances OU festival'));
    assert.equal(matches('vacances OR plage'), false);
    assert.equal(matches('budget NOT festival'), false);
    assert.equal(matches('budget SAUF festival'), false);
    assert.ok(matches('budget -plage'));
    assert.ok(matches('(plage OR budget) -(plage OR vacances)'));
  });

  test('phrases are exact: word order, no stemming, not across title and text', () => {
    assert.ok(matches('"budget primitif"'));
    assert.ok(matches('"festival d’été"'));
    assert.equal(matches('"primitif budget"'), false);
    assert.equal(matches('"budgets primitifs"'), false);
    // The title ends with « voté », the text starts with « Les élus ».
    assert.equal(matches('"vote les"'), false);
  });

  test('prefixes match the start of folded words', () => {
    assert.ok(matches('festiv*'));
    assert.ok(matches('subvent*'));
    assert.ok(matches('dévoil*'));
    assert.equal(matches('musiq*'), false);
  });

  test('NEAR counts the words between two terms, in either order; ONEAR keeps the order', () => {
    // « programmation du Festival »: one word between.
    assert.ok(matches('NEAR/1(programmation, festival)'));
    assert.ok(matches('NEAR/1(festival, programmation)'));
    assert.equal(matches('NEAR/0(programmation, festival)'), false);
    assert.ok(matches('ONEAR/1(programmation, festival)'));
    assert.equal(matches('ONEAR/1(festival, programmation)'), false);
    assert.ok(matches('NEAR/2((concert OR "festival d\'été"), program*)'));
    // Not across the title and the text.
    assert.equal(matches('NEAR/5(vote, elus)'), false);
  });

  test('fields look only where they say', () => {
    assert.ok(matches('title:budget'));
    assert.equal(matches('title:festival'), false);
    assert.ok(matches('author:dupont'));
    assert.equal(matches('author:budget'), false);
    assert.ok(matches('site:leprogres.fr'));
    assert.ok(matches('site:https://www.leprogres.fr/'));
    assert.equal(matches('site:lyon.fr'), false);
    assert.ok(matches('lang:fr'));
    assert.equal(matches('lang:en'), false);
    assert.ok(matches('source:"le progrès"'));
    assert.ok(matches('source:feed'));
    assert.equal(matches('source:mastodon'), false);
  });

  test('watches without a required word are checked on every item, never dropped', () => {
    assert.ok(matches('NOT plage'));
    assert.ok(matches('plage OR NOT vacances'));
    assert.ok(matches('NOT (plage OR vacances) lang:fr'));
    assert.equal(matches('NOT budget'), false);
  });

  test('takes additions, changes and removals into account at once, and answers in ascending order', () => {
    const index = createWatchIndex();
    index.set(30, parseWatchQuery('budget'));
    index.set(10, parseWatchQuery('festival'));
    index.set(20, parseWatchQuery('plage'));
    assert.deepEqual(index.match(ITEM), [10, 30]);
    index.set(20, parseWatchQuery('subvention*'));
    index.remove(30);
    index.remove(99);
    assert.deepEqual(index.match(ITEM), [10, 20]);
    assert.equal(index.size, 2);
    index.set(10, parseWatchQuery('NOT festival'));
    assert.deepEqual(index.match(ITEM), [20]);
    index.remove(20);
    index.remove(10);
    assert.deepEqual(index.match(ITEM), []);
    assert.equal(index.size, 0);
  });
});
