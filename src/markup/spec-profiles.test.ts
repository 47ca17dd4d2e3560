import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSpip } from './render-spip.js';
import { assertSameHtml } from './testdata/normalize-html.js';

const article = (text: string): string => renderSpip(text, { profile: 'article' }).html;
const forum = (text: string): string => renderSpip(text, { profile: 'forum' }).html;

describe('MARKUP.md profiles', () => {
  test('writes UTF-8 characters rather than entities in the forum', () => {
    const html = forum("Question ? l'été n° 5 --");
    assert.equal(html, '<p>Question\u00a0? l’été n°\u00a05 —</p>');
  });

  test('adds nofollow to every forum link', () => {
    assertSameHtml(forum('[a->https://e.fr] [b->#x] [->art1]'), '<p><a href="https://e.fr" class="spip_out" rel="nofollow external">a</a> <a href="#x" class="spip_ancre" rel="nofollow">b</a> <a href="spip.php?article1" rel="nofollow">article 1</a></p>');
    const { html, notes } = renderSpip('x[[n]]', { profile: 'forum' });
    assert.match(html, /rel="nofollow appendix"/);
    assert.match(notes, /rel="nofollow"/);
  });

  test('writes forum lists without a role', () => {
    assertSameHtml(forum('-* un'), '<ul class="spip"><li> un</li></ul>');
  });

  test('closes unclosed typed tags and removes comments', () => {
    assertSameHtml(forum('<b>gras <i>ital'), '<p><b>gras <i>ital</i></b></p>');
    assertSameHtml(forum('a<!-- secret -->b'), '<p>ab</p>');
  });

  test('shows a typed script as escaped text in the forum', () => {
    assertSameHtml(forum('Voici <script>alert(1)</script>'), '<p>Voici <code class="echappe-js">&lt;script&gt;alert(1)&lt;/script&gt;</code></p>');
  });

  test('keeps the text of a javascript: link and drops its href', () => {
    assertSameHtml(forum('[clic->javascript:alert(1)]'), '<p><a rel="nofollow">clic</a></p>');
    assertSameHtml(forum('<a href="javascript:alert(1)">clic</a>'), '<p><a rel="nofollow">clic</a></p>');
  });

  test('drops event attributes and keeps the element', () => {
    assertSameHtml(forum('<div onclick=x>div</div>'), '<div>div</div>');
  });

  test('keeps the typed HTML of the help line in both profiles', () => {
    for (const render of [article, forum]) {
      assertSameHtml(render('<q>q</q> <del>d</del> <ins>i</ins>'), '<p><q>q</q> <del>d</del> <ins>i</ins></p>');
    }
  });

  test('shows a remote image as text in the forum and draws it in articles', () => {
    assertSameHtml(forum('<img src="https://e.fr/a.png" alt="a">'), '<p>&lt;img src="https://e.fr/a.png" alt="a"&gt;</p>');
    assertSameHtml(article('<img src="https://e.fr/a.png" alt="a">'), '<p><img src="https://e.fr/a.png" alt="a" /></p>');
  });

  test('keeps safe styles in articles only', () => {
    assertSameHtml(article('<span style="color:red">x</span>'), '<p><span style="color:red">x</span></p>');
    assertSameHtml(article('<span style="background:url(x)">x</span>'), '<p><span>x</span></p>');
    assertSameHtml(forum('<span style="color:red" class="c">x</span>'), '<p><span class="c">x</span></p>');
  });

  test('escapes elements outside the allow-list so the reader sees them', () => {
    assertSameHtml(article('<iframe src="x"></iframe>'), '<p>&lt;iframe src="x"&gt;&lt;/iframe&gt;</p>');
  });
});
