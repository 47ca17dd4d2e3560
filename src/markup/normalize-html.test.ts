import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSameHtml, normalizeHtml } from './testdata/normalize-html.js';

describe('normalizeHtml (test helper)', () => {
  test('ignores quoting, attribute order, void syntax and entity spelling', () => {
    assertSameHtml(`<a title='x' href="y">a&nbsp;b</a><br />`, '<a href=y title="x">a\u00a0b</a><br>');
  });

  test('compares class and rel as sets', () => {
    assertSameHtml('<a class="spip_url spip_out" rel="nofollow external">x</a>', '<a class="spip_out spip_url" rel="external nofollow">x</a>');
  });

  test('keeps attribute values exact', () => {
    assert.notEqual(normalizeHtml(`<pre style='text-align:left;'></pre>`), normalizeHtml(`<pre style='text-align: left;'></pre>`));
  });

  test('collapses white space and drops it between blocks', () => {
    assertSameHtml('<p>A</p>\n<p>B  \n C</p>', '<p>A</p><p>B C</p>');
  });

  test('keeps a leading space inside a list item', () => {
    assert.notEqual(normalizeHtml('<ul><li> un</li></ul>'), normalizeHtml('<ul><li>un</li></ul>'));
  });

  test('compares hash-derived table ids for consistency only', () => {
    assertSameHtml(`<th id='id8892_c0'></th><td headers='id8892_c0'></td>`, `<th id='idabcd_c0'></th><td headers='idabcd_c0'></td>`);
    assert.notEqual(
      normalizeHtml(`<th id='id8892_c0'></th><td headers='id8892_c0'></td>`),
      normalizeHtml(`<th id='id8892_c0'></th><td headers='id1111_c0'></td>`),
    );
  });
});
