import { describe, test } from 'node:test';
import { renderSpip } from './render-spip.js';
import { assertSameHtml } from './testdata/normalize-html.js';

const inParagraph = (text: string, html: string): void =>
  assertSameHtml(renderSpip(text, { profile: 'article' }).html, `<p>${html}</p>`);

describe('MARKUP.md French typography', () => {
  test('puts a non-breaking space before : ; ! ? and %, replacing a space or adding one', () => {
    inParagraph('Question ?', 'Question&nbsp;?');
    inParagraph('oui!', 'oui&nbsp;!');
    inParagraph('Note : a ; b', 'Note&nbsp;: a&nbsp;; b');
    inParagraph('Quoi?!', 'Quoi&nbsp;?!');
    inParagraph('50 % et 20%', '50&nbsp;% et 20&nbsp;%');
  });

  test('puts non-breaking spaces inside « » and after n° and Mme', () => {
    inParagraph('« Bonjour »', '«&nbsp;Bonjour&nbsp;»');
    inParagraph('«Bonjour»', '«&nbsp;Bonjour&nbsp;»');
    inParagraph('n° 5 et Mme Dupont', 'n°&nbsp;5 et Mme&nbsp;Dupont');
  });

  test('sees across shortcuts', () => {
    inParagraph('{{Vraiment}}?', '<strong>Vraiment</strong>&nbsp;?');
  });

  test('leaves URLs, code and tags alone', () => {
    inParagraph('Heure : 12:30', 'Heure&nbsp;: 12:30');
    inParagraph('`a ? b`', "<code class='spip_code spip_code_inline' dir='ltr'>a ? b</code>");
    inParagraph(
      '[->https://e.fr/?q=1]',
      '<a href="https://e.fr/?q=1" class="spip_url spip_out" rel="external">https://e.fr/?q=1</a>',
    );
    inParagraph('<abbr title="a ? b">x</abbr>', '<abbr title="a ? b">x</abbr>');
  });

  test("turns ' into ’, -- into — and ~ into a non-breaking space", () => {
    inParagraph("l'été -- enfin~là", 'l&#8217;été &mdash; enfin&nbsp;là');
  });

  test('has no rule for ..., straight double quotes or ordinals', () => {
    inParagraph('Et... "1er" 2e', 'Et... "1er" 2e');
  });
});
