import { describe, test } from 'node:test';
import { renderSpip } from './render-spip.js';
import { assertSameHtml } from './testdata/normalize-html.js';

const article = (text: string): string => renderSpip(text, { profile: 'article' }).html;

describe('MARKUP.md blocks', () => {
  test('separates paragraphs by one or more blank lines', () => {
    assertSameHtml(article('A\n\n\n\nB'), '<p>A</p>\n<p>B</p>');
  });

  test('turns a single line break into an automatic break', () => {
    assertSameHtml(article('Ligne 1\nLigne 2'), "<p>Ligne 1<br class='autobr' />\nLigne 2</p>");
  });

  test('turns `_ ` at the start of a line into a manual break, dropped at the very start', () => {
    assertSameHtml(article('Ligne 1\n_ Ligne 2'), "<p>Ligne 1\n<br class='manualbr' />Ligne 2</p>");
    assertSameHtml(article('_ Début'), '<p>Début</p>');
  });

  test('renders an intertitre outside paragraphs', () => {
    assertSameHtml(article('{{{Intertitre}}}'), '<h2 class="spip">Intertitre</h2>');
    assertSameHtml(article('Avant\n{{{Intertitre}}}\nAprès'), '<p>Avant</p>\n<h2 class="spip">Intertitre</h2>\n<p>Après</p>');
  });

  test('draws a rule for four or more dashes alone on a line, not for three', () => {
    assertSameHtml(article('----'), '<hr class="spip" />');
    assertSameHtml(article('A\n--------\nB'), '<p>A</p>\n<hr class="spip" />\n<p>B</p>');
    assertSameHtml(article('---'), '<p>&mdash;-</p>');
  });

  test("draws SPIP's dash bullets joined inside one paragraph", () => {
    assertSameHtml(
      article('- un\n- deux'),
      '<p><span class="spip-puce ltr"><b>–</b></span>&nbsp;un\n<br /><span class="spip-puce ltr"><b>–</b></span>&nbsp;deux</p>',
    );
  });

  test('nests lists and keeps the space at the start of each item', () => {
    assertSameHtml(
      article('-* un\n-** sous-point'),
      '<ul class="spip" role="list"><li> un\n<ul class="spip" role="list"><li> sous-point</li></ul></li></ul>',
    );
  });

  test('numbers a `-#` list', () => {
    assertSameHtml(article('-# un'), '<ol class="spip" role="list"><li> un</li></ol>');
  });

  test('draws table rows with alternating classes', () => {
    assertSameHtml(
      article('| a | b |\n| c | d |'),
      `<table class="table spip">\n<tbody>\n<tr class='row_odd odd'>\n<td>a</td>\n<td>b</td></tr>\n` +
        `<tr class='row_even even'>\n<td>c</td>\n<td>d</td></tr>\n</tbody>\n</table>`,
    );
  });

  test('makes a first row of bold cells the table head', () => {
    assertSameHtml(
      article('| {{Nom}} | {{Ville}} |\n| Jean | Lyon |'),
      `<table class="table spip">\n<thead><tr class='row_first'><th id='id1a2b_c0'>Nom</th><th id='id1a2b_c1'>Ville</th></tr></thead>\n` +
        `<tbody>\n<tr class='row_odd odd'>\n<td headers='id1a2b_c0'>Jean</td>\n<td headers='id1a2b_c1'>Lyon</td></tr>\n</tbody>\n</table>`,
    );
  });

  test("makes a bold first cell a row header that the row's other cells refer to", () => {
    assertSameHtml(
      article('| {{Lyon}} | 522 000 |'),
      `<table class="table spip">\n<tbody>\n<tr class='row_odd odd'>\n<th id='id9f3c_l0'>Lyon</th>\n` +
        `<td class='numeric ' headers='id9f3c_l0'>522 000</td></tr>\n</tbody>\n</table>`,
    );
  });

  test('puts `|| Légende | résumé ||` in a caption described by a summary', () => {
    assertSameHtml(
      article('|| Légende | résumé ||\n| a | b |'),
      `<table class="table spip" aria-describedby="dby77aa">\n` +
        `<caption>Légende<br /> <small id="dby77aa" class="summary offscreen">résumé</small></caption>\n` +
        `<tbody>\n<tr class='row_odd odd'>\n<td>a</td>\n<td>b</td></tr>\n</tbody>\n</table>`,
    );
  });

  test('marks numeric columns, with the decimal comma', () => {
    assertSameHtml(
      article('| a | 12 | 3,5 |\n| b | 7 | 10,25 |'),
      `<table class="table spip">\n<tbody>\n` +
        `<tr class='row_odd odd'>\n<td>a</td>\n<td class='numeric '>12</td>\n<td class='numeric virgule'>3,5</td></tr>\n` +
        `<tr class='row_even even'>\n<td>b</td>\n<td class='numeric '>7</td>\n<td class='numeric virgule'>10,25</td></tr>\n` +
        `</tbody>\n</table>`,
    );
  });

  test('merges a `<` cell into the cell on its left', () => {
    assertSameHtml(
      article('| a | < | b |'),
      `<table class="table spip">\n<tbody>\n<tr class='row_odd odd'>\n<td colspan='2'>a</td>\n<td>b</td></tr>\n</tbody>\n</table>`,
    );
  });

  test('merges a `^` cell into the cell above', () => {
    assertSameHtml(
      article('| a | b |\n| ^ | c |'),
      `<table class="table spip">\n<tbody>\n<tr class='row_odd odd'>\n<td rowspan='2'>a</td>\n<td>b</td></tr>\n` +
        `<tr class='row_even even'>\n<td>c</td></tr>\n</tbody>\n</table>`,
    );
  });

  test('renders `<quote>`, closing the paragraph first and running to the end when unclosed', () => {
    assertSameHtml(article('<quote>x</quote>'), '<blockquote class="spip">\n<p>x</p>\n</blockquote>');
    assertSameHtml(article('Avant <quote>x</quote> après'), '<p>Avant</p>\n<blockquote class="spip">\n<p>x</p>\n</blockquote>\n<p>après</p>');
    assertSameHtml(article('Avant <quote>x\n\ny'), '<p>Avant</p>\n<blockquote class="spip">\n<p>x</p>\n<p>y</p>\n</blockquote>');
  });

  test('renders one-line `<code>` and backticks as escaped inline code', () => {
    const code = (x: string): string => `<code class='spip_code spip_code_inline' dir='ltr'>${x}</code>`;
    assertSameHtml(article('<code>{{x}} <b></code>'), `<p>${code('{{x}} &lt;b&gt;')}</p>`);
    assertSameHtml(article('Tapez `[->x]` ici'), `<p>Tapez ${code('[-&gt;x]')} ici</p>`);
  });

  test('renders multi-line `<code>` and fences as code blocks', () => {
    const block = (x: string): string =>
      `<div class="precode"><pre class='spip_code spip_code_block' dir='ltr' style='text-align:left;'><code>${x}</code></pre></div>`;
    assertSameHtml(article('<code>\nun {x}\n  deux <b>\n</code>'), block('un {x}\n  deux &lt;b&gt;'));
    assertSameHtml(article('```\nun {x}\ndeux\n```'), block('un {x}\ndeux'));
  });

  test('renders `<cadre>` and `<frame>` as a read-only text area with one row per line', () => {
    const cadre = (x: string): string =>
      `<textarea readonly='readonly' cols='40' rows='3' class='spip_cadre spip_cadre_block' dir='ltr'>${x}</textarea>`;
    assertSameHtml(article('<cadre>un\n<b>deux</b>\ntrois</cadre>'), cadre('un\n&lt;b&gt;deux&lt;/b&gt;\ntrois'));
    assertSameHtml(article('<frame>un\ndeux\ntrois</frame>'), cadre('un\ndeux\ntrois'));
  });

  test('renders `<poesie>` and `<poetry>` with one div per line and a blank div', () => {
    const poem = '<blockquote class="spip_poesie">\n<div>Un</div>\n<div>Deux</div>\n<div>&nbsp;</div>\n<div>Trois</div>\n</blockquote>';
    assertSameHtml(article('<poesie>\nUn\nDeux\n\nTrois\n</poesie>'), poem);
    assertSameHtml(article('<poetry>Un\nDeux\n\nTrois</poetry>'), poem);
  });

  test('passes `<html>` content through the allow-list without reading shortcuts', () => {
    assertSameHtml(article('<html><b>x</b> {{y}} <script>z</script></html>'), '<p><b>x</b> {{y}} &lt;script&gt;z&lt;/script&gt;</p>');
  });
});
