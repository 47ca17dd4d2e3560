import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { pick, seededRandom } from '../../markup/testdata/seeded-random.js';
import type { FeedEntry } from '../parse/parsed-feed.js';
import { normalizeItem } from './normalize-item.js';

const NOW = new Date('2026-11-29T12:00:00Z');
const SOURCE = { id: 'src-nantes', link: 'https://www.ville.fr/actualites/rss.xml' };

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A complete entry as the feed parser gives it; each test changes what it is about. */
function buildEntry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id: 'tag:ville.fr,2026:article-42',
    link: '/actualites/budget-2027.html?xtor=RSS-1#haut',
    title: '  Budget 2027\n : le conseil   vote  ',
    author: ' Service communication ',
    published: '2026-11-28T17:30:00+01:00',
    updated: '2026-11-28T18:00:00Z',
    summary: '<p>Le conseil municipal a voté le budget.</p>',
    content:
      "<h2>Un budget d&#8217;investissement</h2><p>Le conseil municipal a voté mardi le budget de l&rsquo;année&nbsp;: " +
      '<a href="/ecoles">les écoles</a> &amp; la médiathèque.</p><ul><li>3&nbsp;% de hausse</li></ul>',
    categories: ['Vie municipale', ' vie  municipale ', 'Budget', ''],
    enclosures: [{ url: '../media/seance.mp3', type: 'Audio/MPEG', length: 1_234_567 }],
    ...overrides,
  };
}

describe('normalizeItem', () => {
  test('normalises a complete French entry', () => {
    const item = normalizeItem(buildEntry(), SOURCE, { now: NOW });
    const plainText = "Un budget d’investissement\nLe conseil municipal a voté mardi le budget de l’année : les écoles & la médiathèque.\n3 % de hausse";
    assert.deepEqual(item, {
      sourceId: 'src-nantes',
      guid: 'tag:ville.fr,2026:article-42',
      link: 'https://www.ville.fr/actualites/budget-2027.html?xtor=RSS-1#haut',
      canonicalLink: 'https://www.ville.fr/actualites/budget-2027.html',
      title: 'Budget 2027 : le conseil vote',
      author: 'Service communication',
      published: '2026-11-28T16:30:00.000Z',
      updated: '2026-11-28T18:00:00.000Z',
      summary: '<p>Le conseil municipal a voté le budget.</p>',
      content: buildEntry().content,
      plainText,
      language: 'fr',
      categories: ['Vie municipale', 'Budget'],
      enclosures: [{ url: 'https://www.ville.fr/media/seance.mp3', type: 'audio/mpeg', length: 1_234_567 }],
      contentHash: sha256(plainText),
      datesClamped: false,
    });
    assert.ok(Object.isFrozen(item));
  });

  test('copes with an entry that has nothing but a title', () => {
    const item = normalizeItem({ title: 'Alerte météo' }, { id: 's' }, { now: NOW });
    assert.equal(item.title, 'Alerte météo');
    assert.equal(item.plainText, '');
    assert.equal(item.link, undefined);
    assert.equal(item.canonicalLink, undefined);
    assert.equal(item.published, undefined);
    assert.equal(item.language, undefined);
    assert.deepEqual(item.categories, []);
    assert.deepEqual(item.enclosures, []);
    assert.equal(item.contentHash, sha256(''));
    assert.equal(item.guid, `sha256:${sha256('Alerte météo\n')}`);
  });

  test('copes with an empty entry and with fields of the wrong type', () => {
    const odd = { id: 7, title: null, categories: [3, 'Culture'], enclosures: [null, { url: 5 }] } as unknown as FeedEntry;
    const item = normalizeItem(odd, { id: 's' }, { now: NOW });
    assert.equal(item.title, '');
    assert.deepEqual(item.categories, ['Culture']);
    assert.deepEqual(item.enclosures, []);
    assert.equal(normalizeItem({}, { id: 's' }, { now: NOW }).guid, `sha256:${sha256('\n')}`);
  });

  test('takes the canonical link as guid when the entry has no id', () => {
    const item = normalizeItem(buildEntry({ id: '  ' }), SOURCE, { now: NOW });
    assert.equal(item.guid, 'https://www.ville.fr/actualites/budget-2027.html');
  });

  test('uses the update date when there is no publication date', () => {
    const item = normalizeItem(buildEntry({ published: undefined }), SOURCE, { now: NOW });
    assert.equal(item.published, '2026-11-28T18:00:00.000Z');
  });

  test('treats an unreadable date as missing', () => {
    const item = normalizeItem(buildEntry({ published: 'mardi dernier', updated: undefined }), SOURCE, { now: NOW });
    assert.equal(item.published, undefined);
    assert.equal(item.datesClamped, false);
  });

  test('brings a date far in the future back to now, and says so', () => {
    const item = normalizeItem(buildEntry({ published: '2027-01-01T00:00:00Z', updated: '2026-11-29T12:05:00Z' }), SOURCE, { now: NOW });
    assert.equal(item.published, NOW.toISOString());
    assert.equal(item.updated, '2026-11-29T12:05:00.000Z', 'five minutes ahead is within the skew');
    assert.equal(item.datesClamped, true);
  });

  test('honours a custom skew', () => {
    const item = normalizeItem(buildEntry({ updated: '2026-11-29T12:05:00Z' }), SOURCE, { now: NOW, futureSkewMs: 60_000 });
    assert.equal(item.updated, NOW.toISOString());
    assert.equal(item.datesClamped, true);
  });

  test('takes the plain text from the summary when there is no content', () => {
    const item = normalizeItem(buildEntry({ content: undefined }), SOURCE, { now: NOW });
    assert.equal(item.plainText, 'Le conseil municipal a voté le budget.');
    assert.equal(item.content, undefined);
  });

  test('reads HTML-heavy content down to its text', () => {
    const content =
      '<div class="article"><figure><img src="a.jpg" alt=""><figcaption>Le pont &laquo;&nbsp;neuf&nbsp;&raquo;</figcaption></figure>' +
      '<table><tr><th>Jour</th><td>Lundi</td></tr></table><blockquote><p>C&#39;est <em>enfin</em> fini&#x202F;!</p></blockquote></div>';
    const item = normalizeItem(buildEntry({ content }), SOURCE, { now: NOW });
    assert.equal(item.plainText, "Le pont « neuf »\nJour\nLundi\nC'est enfin fini !");
  });

  test('detects English when the source declares no language', () => {
    const content = '<p>The council voted the budget on Tuesday: the schools and the library will be renovated this year.</p>';
    assert.equal(normalizeItem(buildEntry({ title: 'Budget vote', content }), SOURCE, { now: NOW }).language, 'en');
  });

  test("keeps the source's declared language, reduced to its primary subtag", () => {
    const item = normalizeItem(buildEntry(), { ...SOURCE, language: 'EN-gb' }, { now: NOW });
    assert.equal(item.language, 'en');
  });

  test('drops enclosures that are not http(s) and lengths that are not whole numbers', () => {
    const enclosures = [
      { url: 'javascript:alert(1)' },
      { url: 'https://cdn.ville.fr/a.pdf', length: -3 },
      { url: 'https://cdn.ville.fr/b.pdf', length: 12.5, type: '' },
    ];
    const item = normalizeItem(buildEntry({ enclosures }), SOURCE, { now: NOW });
    assert.deepEqual(item.enclosures, [
      { url: 'https://cdn.ville.fr/a.pdf', type: undefined, length: undefined },
      { url: 'https://cdn.ville.fr/b.pdf', type: undefined, length: undefined },
    ]);
  });

  test('gives the same content hash to the same text written with different markup', () => {
    const a = normalizeItem(buildEntry({ content: '<p>Fête&nbsp;du  quartier</p>' }), SOURCE, { now: NOW });
    const b = normalizeItem(buildEntry({ content: '<div>Fête du\nquartier</div>' }), SOURCE, { now: NOW });
    assert.equal(a.contentHash, b.contentHash);
  });
});

describe('normalizeItem on arbitrary entries (seeded)', () => {
  const VALUES: readonly unknown[] = [
    undefined, null, '', ' ', 0, -1, 1.5, true, {}, [], ['a', 'A ', 3], 'https://ville.fr/a?utm_source=x', '/relatif',
    'javascript:alert(1)', '<p>Texte &amp; <b>gras</b></p>', '<script>', '&#xD800;', '2026-11-28T10:00:00Z',
    '2999-01-01T00:00:00Z', 'pas une date', '\u0000', '😀'.repeat(50), 'Le conseil municipal a voté le budget de la commune.',
    [{ url: '/a.mp3', type: 'audio/mpeg', length: 10 }], [{ url: 7 }, null, 'x'],
  ];
  const FIELDS = ['id', 'link', 'title', 'author', 'published', 'updated', 'summary', 'content', 'categories', 'enclosures'];

  test('never throws, and keeps its invariants', () => {
    const random = seededRandom(314);
    const limit = new Date(NOW.getTime() + 10 * 60 * 1000).toISOString();
    for (let i = 0; i < 3_000; i++) {
      const entry = Object.fromEntries(FIELDS.map((field) => [field, pick(random, VALUES)])) as FeedEntry;
      const item = normalizeItem(entry, { id: 's', link: pick(random, [undefined, 'https://ville.fr/rss', 'n’importe']) }, { now: NOW });
      assert.equal(typeof item.title, 'string');
      assert.equal(typeof item.plainText, 'string');
      assert.match(item.contentHash, /^[0-9a-f]{64}$/);
      assert.ok(item.guid.length > 0);
      for (const date of [item.published, item.updated]) if (date !== undefined) assert.ok(date <= limit, date);
      for (const enclosure of item.enclosures) assert.match(enclosure.url, /^https?:\/\//);
      assert.ok(item.categories.every((category) => typeof category === 'string' && category !== ''));
    }
  });
});
