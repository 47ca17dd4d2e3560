import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseFeed, readFeed } from './parse-feed.js';
import { FEED_CORPUS, expectedPath, readCorpusFile } from './testdata/feed-corpus.js';

describe('parseFeed on the fixture corpus', () => {
  for (const { file, context } of FEED_CORPUS) {
    test(`gives the reviewed normalised output for ${file}`, () => {
      const expected: unknown = JSON.parse(readFileSync(expectedPath(file), 'utf8'));
      assert.deepEqual(JSON.parse(JSON.stringify(parseFeed(readCorpusFile(file), context))), expected);
    });
  }
});

describe('parseFeed on hostile XML', () => {
  for (const file of ['billion-laughs.xml', 'xxe.xml', 'quadratic-blowup.xml']) {
    test(`neither expands nor loads the entities of ${file}, quickly and with a French problem`, () => {
      const started = performance.now();
      const { parsed, format } = readFeed(readCorpusFile(file), { url: 'https://hostile.exemple.fr/rss' });
      assert.ok(performance.now() - started < 500, 'parsed in well under a second');
      assert.equal(format, 'rss');
      assert.ok(parsed.problems.some((p) => p.includes('entités XML (DTD)')));
      const output = JSON.stringify(parsed);
      assert.ok(!output.includes('lollol') && !output.includes('root:') && !output.includes('aaaa'), 'no entity was expanded');
      assert.ok(output.length < readCorpusFile(file).length, 'the output is not larger than the input');
    });
  }
});

describe('parseFeed limits and shapes', () => {
  test('refuses an input over the size cap with a problem, without reading it', () => {
    const feed = `<rss><channel><title>Gros</title>${'<item><title>x</title></item>'.repeat(100)}</channel></rss>`;
    const { parsed, format } = readFeed(Buffer.from(feed), { maxBytes: 1024 });
    assert.equal(format, undefined);
    assert.deepEqual(parsed.entries, []);
    assert.match(parsed.problems[0] ?? '', /dépasse la taille maximale/);
  });

  test('reads a string as well as bytes, and an Atom feed whose elements carry the atom: prefix', () => {
    const atom = '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>Préfixé</atom:title><atom:entry><atom:title>Un</atom:title><atom:id>1</atom:id></atom:entry></atom:feed>';
    assert.deepEqual(parseFeed(atom), { feed: { title: 'Préfixé' }, entries: [{ id: '1', title: 'Un' }], problems: [] });
  });

  test('reads a namespace bound to an unusual prefix by its URI', () => {
    const rss = '<rss xmlns:x="http://purl.org/dc/elements/1.1/"><channel><item><x:creator>Léa</x:creator></item></channel></rss>';
    assert.deepEqual(parseFeed(rss).entries, [{ author: 'Léa' }]);
  });

  test('keeps at most twenty problems, the last one counting the others', () => {
    const items = Array.from({ length: 40 }, (_, i) => `<item><pubDate>pas une date ${i}</pubDate></item>`).join('');
    const { problems } = parseFeed(`<rss><channel>${items}</channel></rss>`);
    assert.equal(problems.length, 20);
    assert.equal(problems[19], '… et 21 autres problèmes.');
  });

  test('says when a JSON document is broken', () => {
    const { problems, entries } = parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [');
    assert.deepEqual(entries, []);
    assert.match(problems[0] ?? '', /^Le flux JSON est mal formé/);
  });

  test('drops scripts, event handlers and javascript: links from entry HTML', () => {
    const rss = '<rss><channel><item><description><![CDATA[<p onmouseover="x()">A<script>alert(1)</script><a href=" javascript:alert(1)">b</a><iframe src="https://e.fr"></iframe><img src="data:image/png;base64,AAA"></p>]]></description></item></channel></rss>';
    assert.deepEqual(parseFeed(rss).entries, [{ summary: '<p>A<a>b</a><img></p>' }]);
  });
});

describe('parseFeed links in RSS', () => {
  test('takes the <link> with text, not an unprefixed Atom self link written before it', () => {
    const rss = '<rss><channel><link xmlns="http://www.w3.org/2005/Atom" rel="self" href="https://m.fr/rss"/><link>https://m.fr/</link>' +
      '<item><link rel="self" href="https://m.fr/self"/><link href="https://m.fr/a"/></item></channel></rss>';
    const parsed = parseFeed(rss);
    assert.equal(parsed.feed.link, 'https://m.fr/');
    assert.deepEqual(parsed.entries, [{ link: 'https://m.fr/a' }]);
  });
});

describe('parseFeed on HTML a feed forgot to escape', () => {
  test('keeps markup written raw inside <description>, sanitised and with absolute links', () => {
    const rss = '<rss><channel><item><description><p class="x">Voir <a href="/plan" onclick="x()">le plan</a><br/><script>alert(1)</script></p></description></item></channel></rss>';
    assert.deepEqual(parseFeed(rss, { url: 'https://ville.fr/rss' }).entries, [
      { summary: '<p>Voir <a href="https://ville.fr/plan">le plan</a><br></p>' },
    ]);
  });
});
