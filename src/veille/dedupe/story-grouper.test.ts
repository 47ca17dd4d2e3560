import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { seededRandom } from '../../markup/testdata/seeded-random.js';
import { groupItems } from './group-items.js';
import { hammingDistance } from './hamming-distance.js';
import { SIMILAR_DISTANCE } from './similar-distance.js';
import { simhash } from './simhash.js';
import { StoryGrouper, type GroupableItem } from './story-grouper.js';
import { buildArticles, buildVariant } from './testdata/build-variant.js';
import { FRENCH_NEWS } from './testdata/french-news.js';

let counter = 0;

/** An item of a given text; a fresh key and no link unless told. */
function buildItem(plainText: string, overrides: Partial<GroupableItem> = {}): GroupableItem {
  counter++;
  return {
    key: `src-${counter} guid:${counter}`,
    contentHash: createHash('sha256').update(plainText).digest('hex'),
    plainText,
    ...overrides,
  };
}

describe('StoryGrouper', () => {
  test('groups items with the same canonical link, whatever their text, and counts them', () => {
    const grouper = new StoryGrouper();
    const link = 'https://www.ouest-france.fr/pays-de-la-loire/nantes/crue-1.html';
    const a = grouper.add(buildItem(FRENCH_NEWS[3]!, { canonicalLink: link }));
    const b = grouper.add(buildItem('Crue : deux familles relogées.', { canonicalLink: link }));
    const c = grouper.add(buildItem(FRENCH_NEWS[4]!, { canonicalLink: 'https://ville.fr/festival' }));
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.equal(grouper.size(a), 2);
    assert.equal(grouper.size(c), 1);
    assert.equal(grouper.groupCount, 2);
  });

  test('groups items with the same text under different links', () => {
    const grouper = new StoryGrouper();
    const a = grouper.add(buildItem('Fermeture de la piscine', { canonicalLink: 'https://a.fr/1' }));
    const b = grouper.add(buildItem('Fermeture de la piscine', { canonicalLink: 'https://b.fr/2' }));
    assert.equal(a, b);
  });

  test('groups a rewritten dispatch with its original, and not with other stories', () => {
    const grouper = new StoryGrouper();
    const [article, other] = buildArticles(FRENCH_NEWS);
    const original = grouper.add(buildItem(article!));
    const unrelated = grouper.add(buildItem(other!));
    const rewritten = grouper.add(buildItem(article!.replace('mardi soir', 'mercredi soir')));
    assert.equal(rewritten, original);
    assert.notEqual(unrelated, original);
    assert.equal(grouper.size(original), 2);
  });

  test('does not group short texts by fingerprint, only by identical text', () => {
    const grouper = new StoryGrouper();
    // The same words in another order: one fingerprint, two stories.
    const a = grouper.add(buildItem('Le maire a reçu le préfet lundi à la mairie.'));
    const b = grouper.add(buildItem('Le préfet a reçu le maire lundi à la mairie.'));
    const c = grouper.add(buildItem('Le maire a reçu le préfet lundi à la mairie.'));
    assert.equal(hammingDistance(simhash('Le maire a reçu le préfet'), simhash('Le préfet a reçu le maire')), 0);
    assert.notEqual(a, b);
    assert.equal(c, a);
  });

  test('never groups items by an empty text', () => {
    const grouper = new StoryGrouper();
    assert.notEqual(grouper.add(buildItem('')), grouper.add(buildItem('')));
  });

  test('counts an item added again under its key once', () => {
    const grouper = new StoryGrouper();
    const item = buildItem(FRENCH_NEWS[0]!);
    const group = grouper.add(item);
    assert.equal(grouper.add({ ...item, plainText: FRENCH_NEWS[1]! }), group);
    assert.equal(grouper.size(group), 1);
    assert.equal(grouper.size(99), 0);
  });

  test('finds through its bands exactly the near duplicates an all-pairs scan finds (seeded)', () => {
    const random = seededRandom(2026);
    const texts = buildArticles(FRENCH_NEWS).flatMap((article) =>
      Array.from({ length: 8 }, (_, i) => buildVariant(random, article, i % 4)),
    );
    const grouper = new StoryGrouper();
    const groups = texts.map((text) => grouper.add(buildItem(text)));
    // The same rules, with a scan of every earlier text instead of the bands.
    const hashes = texts.map(simhash);
    const expected: number[] = [];
    let next = 0;
    hashes.forEach((hash, i) => {
      let best: { distance: number; group: number } | undefined;
      for (let j = 0; j < i; j++) {
        const distance = hammingDistance(hash, hashes[j]!);
        if (distance > SIMILAR_DISTANCE) continue;
        if (best === undefined || distance < best.distance || (distance === best.distance && expected[j]! < best.group)) {
          best = { distance, group: expected[j]! };
        }
      }
      expected.push(best?.group ?? next++);
    });
    assert.deepEqual(groups, expected);
    assert.ok(grouper.groupCount < texts.length / 2, `${grouper.groupCount} groups for ${texts.length} texts`);
  });
});

describe('groupItems', () => {
  function shuffled<T>(random: () => number, items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  /** The groups as sorted lists of keys, sorted: a partition independent of order. */
  function partition(groups: readonly (readonly GroupableItem[])[]): string[][] {
    return groups.map((group) => group.map((item) => item.key).sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  }

  test('lists each group in the order given, groups in the order of their first item', () => {
    const [a, b] = FRENCH_NEWS;
    const items = [buildItem(a!), buildItem(b!), buildItem(a!)];
    assert.deepEqual(groupItems(items), [[items[0], items[2]], [items[1]]]);
  });

  test('gives the same groups of exact duplicates whatever the arrival order (seeded)', () => {
    const random = seededRandom(5);
    const items = FRENCH_NEWS.flatMap((text, story) =>
      Array.from({ length: 1 + (story % 4) }, (_, copy) =>
        buildItem(text, { canonicalLink: copy % 2 === 0 ? `https://source-${copy}.fr/${story}` : undefined }),
      ),
    );
    const expected = partition(groupItems(items));
    assert.equal(expected.length, FRENCH_NEWS.length);
    for (let round = 0; round < 50; round++) assert.deepEqual(partition(groupItems(shuffled(random, items))), expected);
  });

  test('counts an item repeated under one key once', () => {
    const item = buildItem(FRENCH_NEWS[2]!);
    assert.deepEqual(groupItems([item, item]), [[item]]);
  });
});
