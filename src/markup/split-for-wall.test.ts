import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderDocument } from './render-document.js';
import type { Profile } from './render-options.js';
import { applySecondWall } from './second-wall.js';
import { splitForWall } from './split-for-wall.js';
import { specCorpus } from './testdata/spec-corpus.js';
import { pick, seededRandom } from './testdata/seeded-random.js';

const PROFILES: readonly Profile[] = ['article', 'forum'];
/** The wall on the whole text, in one piece. */
const whole = (html: string, profile: Profile): string => applySecondWall(html, profile, Number.POSITIVE_INFINITY);

/** Pieces of tag soup: js-xss's parser turns on `<`, `>`, quotes after `=`, white space, names and what is near the end. */
const SOUP = [
  '<', '>', '</', '/>', '"', "'", '=', ' = ', ' ', '\t', '\n', '\u00a0', '\u2028', 'a', 'x', '&', '&lt;', '&amp;',
  '<p>', '</p>', '<b>', '</b>', '<strong>', '</strong>', '<i', '<a href="https://e.fr">', '<a href=\'#x\'>', '</a>',
  '<span class="c" title=\'t\'>', '<span title="a>b">', '<img src=x onerror=alert(1)>', '<div onclick="x">', '<br />',
  '<textarea readonly=\'readonly\'>', 'class=', 'href=', '="', "='", '= "', '<iframe>', '<svg>', '<tt>', '<code>',
  '<pre style="a">', '<a href="javascript:alert(1)">', '<q cite=\'x\'>', '<x y=">">', '<<', '>>', '<!', '<!-', '--',
];
/** Rarer pieces that make js-xss carry state across tags: the splitter must leave such text whole. */
const CROSS_TAG = ['<!--', '-->', '<script>', '</script>', '<STYLE>', '</style>', '<script', '</script'];

function tagSoup(random: () => number): string {
  let text = '';
  const length = 1 + Math.floor(random() * 60);
  for (let i = 0; i < length; i++) text += random() < 0.01 ? pick(random, CROSS_TAG) : pick(random, SOUP);
  return text;
}

/** Every piece size from 1 to the text's length would be slow on the corpus: 1, 2, 3, 5, 8, 13… */
function pieceSizes(length: number): number[] {
  const sizes = [1, 2];
  while ((sizes.at(-1) ?? 0) < length) sizes.push((sizes.at(-1) ?? 0) + (sizes.at(-2) ?? 0));
  return sizes;
}

function assertSameAsWhole(html: string, profile: Profile, sizes: readonly number[]): void {
  const expected = whole(html, profile);
  for (const size of sizes) {
    assert.equal([...splitForWall(html, size)].join(''), html, `pieces of ${size}: ${JSON.stringify(html)}`);
    assert.equal(applySecondWall(html, profile, size), expected, `${profile}, pieces of ${size}: ${JSON.stringify(html)}`);
  }
}

describe('the second wall in pieces', () => {
  test('cuts only outside every tag (in text or before a `<`), about every `size` characters', () => {
    assert.deepEqual([...splitForWall('<p>a</p><p>b</p>', 8)], ['<p>a</p>', '<p>b</p>']);
    assert.deepEqual([...splitForWall('<p>abcdef</p>', 4)], ['<p>a', 'bcde', 'f</p>']);
    assert.deepEqual([...splitForWall(`<a title="<b>x</b>">y</a><i>z</i>`, 1)], ['<a title="<b>x</b>">', 'y', '</a>', '<i>', 'z', '</i>']);
    assert.deepEqual([...splitForWall(`<a b='<c>' d=e>f<g>`, 1)], [`<a b='<c>' d=e>`, 'f', '<g>']);
    // A quote not after `=` opens no value; the `<` then restarts the tag: no cut there (alone, `<a b '` would end as a tag).
    assert.deepEqual([...splitForWall(`<a b '<c>' d>`, 1)], [`<a b '<c>`, `'`, ' ', 'd', '>']);
    assert.deepEqual([...splitForWall('<p>a</p><!-- c --><p>b</p>', 1)], ['<p>a</p><!-- c --><p>b</p>']);
    assert.deepEqual([...splitForWall('<p>a</p><Script>x</script>', 1)], ['<p>a</p><Script>x</script>']);
  });

  test('gives the bytes of the whole on the spec and hostile corpus, cut everywhere', () => {
    let cut = 0;
    for (const profile of PROFILES) {
      for (const text of specCorpus) {
        const { html, notes } = renderDocument(text, { profile });
        for (const part of [html, notes, text]) {
          assertSameAsWhole(part, profile, pieceSizes(part.length));
          if ([...splitForWall(part, 1)].length > 1) cut++;
        }
      }
    }
    assert.ok(cut > specCorpus.length, `only ${cut} texts were cut`);
  });

  test('gives the bytes of the whole on thousands of random tag soups, cut everywhere', () => {
    const random = seededRandom(1129);
    let cut = 0;
    for (let i = 0; i < 6000; i++) {
      const soup = tagSoup(random);
      const profile = pick(random, PROFILES);
      assertSameAsWhole(soup, profile, [1, 2, 3, 1 + Math.floor(random() * soup.length)]);
      if ([...splitForWall(soup, 1)].length > 1) cut++;
    }
    assert.ok(cut > 3000, `only ${cut} soups were cut`);
  });

  test('a million tags go through js-xss in pieces and keep their bytes', () => {
    const html = `<p>${'<strong>'.repeat(50_000)}x${'</strong>'.repeat(50_000)}</p>`;
    assert.ok([...splitForWall(html, 32 * 1024)].length > 10);
    assert.equal(applySecondWall(html, 'forum'), whole(html, 'forum'));
    assert.equal(applySecondWall(`${html}<script>alert(1)</script>`, 'forum'), html);
  });
});
