import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderDocument } from './render-document.js';
import type { Profile } from './render-options.js';
import { renderSpip } from './render-spip.js';
import { assertSameHtml } from './testdata/normalize-html.js';
import { pick, seededRandom } from './testdata/seeded-random.js';

const forum = (text: string): string => renderSpip(text, { profile: 'forum' }).html;
const MARKERS = /[\uE000-\uE00F]/;

/** What the tokeniser or the block pass replaces by a marker: protected spans, typed tags, entities, breaks. */
const PROTECTED = [
  '<code>c</code>', '<code class="x">c\nd</code>', '`b`', '<html><b>h</b></html>', '<script>s</script>', '<script>',
  '<b>t</b>', '<i>', '<cadre>k</cadre>', '<frame>f</frame>', '&amp;', '&#233;', '&', '<img4>', '<doc2|left>', '[[n]]',
  '[[<*>e]]', '\n', '\n_ ', '\n- ', '<!-- c -->', '<quote>q</quote>', '<poesie>p</poesie>', "'><", '"', '~', ' ', 'ab',
];
const URL_STARTS = ['https://e.fr/', 'www.e.fr', '#ancre', 'nom@e.fr', 'art', ''];

function mixture(random: () => number): string {
  let text = '';
  const length = 1 + Math.floor(random() * 4);
  for (let i = 0; i < length; i++) text += pick(random, PROTECTED);
  return text;
}

/** A link, a note, a table, a glossary term or an anchor, with protected spans in every slot. */
function construct(random: () => number): string {
  const m = (): string => mixture(random);
  switch (Math.floor(random() * 7)) {
    case 0:
      return `[${m()}->${pick(random, URL_STARTS)}${m()}]`;
    case 1:
      return `[${m()}|${m()}->${pick(random, URL_STARTS)}${m()}]`;
    case 2:
      return `[[${m()}[${m()}|${m()}->${m()}]]]`;
    case 3:
      return `\n| ${m()} | [${m()}->${m()}] |\n| [[${m()}]] | ${m()} |\n`;
    case 4:
      return `[?${m()}]`;
    case 5:
      return `[${m()}<-]`;
    default:
      return m();
  }
}

function* samples(seed: number, count: number): Generator<{ text: string; profile: Profile }> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = 1 + Math.floor(random() * 4);
    for (let k = 0; k < length; k++) text += construct(random);
    yield { text, profile: random() < 0.5 ? 'article' : 'forum' };
  }
}

/** Seven protected spans first: every placeholder index of the text after them moves by seven. */
const SHIFT = `${'<code>p</code>'.repeat(7)}\n\n`;

describe('placeholders never reach the output', () => {
  test('a script typed in a link URL of the forum stays the writer text in the href', () => {
    assertSameHtml(
      forum("[x->https://e.fr'><script>alert(1)</script>]"),
      `<p><a href="https://e.fr'&gt;&lt;script&gt;alert(1)&lt;/script&gt;" class="spip_out" rel="nofollow external">x</a></p>`,
    );
  });

  test('code, `<html>` and line breaks in a URL are given back as typed', () => {
    assertSameHtml(forum('[x->https://e.fr<code>a</code>b]'), '<p><a href="https://e.fr&lt;code&gt;a&lt;/code&gt;b" class="spip_out" rel="nofollow external">x</a></p>');
    assertSameHtml(forum('[->`a`]'), '<p><a href="`a`" class="spip_url" rel="nofollow">`a`</a></p>');
    assertSameHtml(forum('[x->https://e.fr\n- b]'), '<p><a href="https://e.fr- b" class="spip_out" rel="nofollow external">x</a></p>');
  });

  test('a protected span after `|` makes no title (SPIP: a title holds no tag), a line break is a space in one', () => {
    assertSameHtml(
      forum('[x|<code>t</code>->https://e.fr]'),
      `<p><a href="https://e.fr" class="spip_out" rel="nofollow external">x|<code class='spip_code spip_code_inline' dir='ltr'>t</code></a></p>`,
    );
    assert.equal(forum('[x|t\n_ u->https://e.fr]'), '<p><a href="https://e.fr" class="spip_out" title="t _ u" rel="nofollow external">x</a></p>');
  });

  test('a note call met in a URL follows the link, its note kept', () => {
    const { html, notes } = renderSpip('[x->https://e.fr/a[[Une note.]]]', { profile: 'article' });
    assertSameHtml(
      html,
      '<p><a href="https://e.fr/a" class="spip_out" rel="external">x</a><span class="spip_note_ref">&nbsp;[<a href="#nb1" class="spip_note" rel="appendix" title="Une note." id="nh1">1</a>]</span></p>',
    );
    assert.match(notes, /id="nb1"/);
  });

  test('property: random links, titles, notes and tables holding protected spans leak no marker and no index', () => {
    for (const { text, profile } of samples(20261129, 4000)) {
      const plain = renderDocument(text, { profile });
      const walled = renderSpip(text, { profile });
      for (const part of [plain.html, plain.notes, walled.html, walled.notes]) {
        assert.doesNotMatch(part, MARKERS, `${profile}: ${JSON.stringify(text)}\n${part}`);
      }
      // A placeholder index that leaked would read 7 more here: the rest of the page must not change.
      const shifted = renderDocument(`${SHIFT}${text}`, { profile });
      const prefix = renderDocument(SHIFT, { profile }).html;
      assert.ok(shifted.html.startsWith(prefix));
      const shiftedBody = shifted.html.slice(prefix.length).replace(/^\n/, '');
      assert.equal(shiftedBody, plain.html, `${profile}: ${JSON.stringify(text)}`);
      assert.equal(shifted.notes, plain.notes, `${profile}: ${JSON.stringify(text)}`);
    }
  });
});
