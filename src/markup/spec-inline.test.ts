import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSpip } from './render-spip.js';
import type { DocumentRef } from './render-options.js';
import { assertSameHtml } from './testdata/normalize-html.js';

const article = (text: string): string => renderSpip(text, { profile: 'article' }).html;
const inParagraph = (text: string, html: string): void => assertSameHtml(article(text), `<p>${html}</p>`);

describe('MARKUP.md inline shortcuts', () => {
  test('renders bold and italic the way SPIP does', () => {
    inParagraph('{{gras}}', '<strong>gras</strong>');
    inParagraph('{italique}', '<i>italique</i>');
  });

  test('links a URL given alone, showing it', () => {
    inParagraph('[->https://example.com]', '<a href="https://example.com" class="spip_url spip_out" rel="external">https://example.com</a>');
  });

  test('links a text to an external URL', () => {
    inParagraph('[texte->https://example.com]', '<a href="https://example.com" class="spip_out" rel="external">texte</a>');
  });

  test('adds a title and a language from `|bulle{en}`', () => {
    inParagraph('[texte|bulle->https://e.fr]', '<a href="https://e.fr" class="spip_out" rel="external" title="bulle">texte</a>');
    inParagraph('[texte|bulle{en}->https://e.fr]', '<a href="https://e.fr" class="spip_out" rel="external" title="bulle" hreflang="en">texte</a>');
  });

  test('completes a `www.` address with http://', () => {
    inParagraph('[->www.example.com]', '<a href="http://www.example.com" class="spip_url spip_out" rel="external">www.example.com</a>');
  });

  test('links an e-mail address with mailto:', () => {
    inParagraph('[->nom@exemple.fr]', '<a href="mailto:nom@exemple.fr" class="spip_mail">nom@exemple.fr</a>');
  });

  test('links tel: with no class and ftp: as external', () => {
    inParagraph('[appel->tel:+33123456789]', '<a href="tel:+33123456789">appel</a>');
    inParagraph('[fichiers->ftp://ftp.exemple.fr]', '<a href="ftp://ftp.exemple.fr" class="spip_out">fichiers</a>');
  });

  test('links an anchor and sets one with `[ancre<-]`', () => {
    inParagraph('[texte->#ancre]', '<a href="#ancre" class="spip_ancre">texte</a>');
    inParagraph('[ancre<-]', '<a id="ancre"></a>');
  });

  test('links bare URLs but leaves bare e-mail addresses as text', () => {
    inParagraph(
      'Voir https://exemple.fr/page et www.exemple.org.',
      'Voir <a href="https://exemple.fr/page" class="spip_url spip_out auto" rel="nofollow external">https://exemple.fr/page</a> et ' +
        '<a href="http://www.exemple.org" class="spip_url spip_out auto" rel="nofollow external">www.exemple.org</a>.',
    );
    inParagraph('Écrire à nom@exemple.fr', 'Écrire à nom@exemple.fr');
  });

  test('links glossary terms to the French Wikipedia', () => {
    inParagraph('[?SPIP]', '<a href="https://fr.wikipedia.org/wiki/SPIP" class="spip_glossaire" rel="external">SPIP</a>');
    inParagraph('[?Jean Jaurès]', '<a href="https://fr.wikipedia.org/wiki/Jean_Jaur%C3%A8s" class="spip_glossaire" rel="external">Jean Jaurès</a>');
    inParagraph('[?Paris#en]', '<a href="https://fr.wikipedia.org/wiki/Paris" class="spip_glossaire" rel="external" title="en">Paris</a>');
  });

  test("links articles and sections through SPIP's default pattern", () => {
    for (const target of ['art12', 'article12', '12']) inParagraph(`[->${target}]`, '<a href="spip.php?article12">article 12</a>');
    inParagraph('[texte->art12]', '<a href="spip.php?article12">texte</a>');
    inParagraph('[->rub3]', '<a href="spip.php?rubrique3">rubrique 3</a>');
  });

  test("links objects through the site's resolver", () => {
    const html = renderSpip('[->art12] [->rub3]', { profile: 'article', resolveObjectLink: (kind, id) => `/${kind}/${id}` }).html;
    assertSameHtml(html, '<p><a href="/article/12">article 12</a> <a href="/rubrique/3">rubrique 3</a></p>');
  });

  test('treats `[->doc4]` as a relative URL', () => {
    inParagraph('[->doc4]', '<a href="doc4" class="spip_url">doc4</a>');
  });

  test('shows a missing document as typed in articles and nothing in the forum', () => {
    inParagraph('Voir <doc4> et <img4|left>', 'Voir <tt>&lt;doc4&gt;</tt> et <tt>&lt;img4|left&gt;</tt>');
    assertSameHtml(renderSpip('Voir <emb4>', { profile: 'forum' }).html, '<p>Voir </p>');
  });

  test('draws documents through the resolver', () => {
    const seen: DocumentRef[] = [];
    const resolveDocument = (ref: DocumentRef): string => {
      seen.push(ref);
      return `<span class="spip_document_${ref.id}">doc</span>`;
    };
    const html = renderSpip('<img4|left> <doc5>', { profile: 'article', resolveDocument }).html;
    assertSameHtml(html, '<p><span class="spip_document_4">doc</span> <span class="spip_document_5">doc</span></p>');
    assert.deepEqual(seen, [{ kind: 'img', id: 4, align: 'left' }, { kind: 'doc', id: 5 }]);
  });

  test('calls a note in the text and draws it in the notes block', () => {
    const { html, notes } = renderSpip('Texte [[Une note.]]', { profile: 'article' });
    assertSameHtml(
      html,
      '<p>Texte<span class="spip_note_ref">&nbsp;[<a href="#nb1" class="spip_note" rel="appendix" title="Une note." id="nh1">1</a>]</span></p>',
    );
    assertSameHtml(
      notes,
      '<div id="nb1">\n<p><span class="spip_note_ref">[<a href="#nh1" class="spip_note" title="Notes 1" rev="appendix">1</a>]&nbsp;</span>Une note.</p>\n</div>',
    );
    assert.equal(renderSpip('Sans note', { profile: 'article' }).notes, '');
  });

  test('marks unnumbered notes with `*` and names named notes', () => {
    const { html, notes } = renderSpip('A[[<*>Étoile.]] B[[<A>Nommée.]] C[[Numérotée.]]', { profile: 'article' });
    assertSameHtml(
      html,
      '<p>A<span class="spip_note_ref">&nbsp;[<a href="#nb_2A" class="spip_note" rel="appendix" title="Étoile." id="nh_2A">*</a>]</span>' +
        ' B<span class="spip_note_ref">&nbsp;[<a href="#nbA" class="spip_note" rel="appendix" title="Nommée." id="nhA">A</a>]</span>' +
        ' C<span class="spip_note_ref">&nbsp;[<a href="#nb1" class="spip_note" rel="appendix" title="Numérotée." id="nh1">1</a>]</span></p>',
    );
    assertSameHtml(
      notes,
      '<div id="nb_2A">\n<p><span class="spip_note_ref">[<a href="#nh_2A" class="spip_note" title="Notes _2A" rev="appendix">*</a>]&nbsp;</span>Étoile.</p>\n</div>\n\n' +
        '<div id="nbA">\n<p><span class="spip_note_ref">[<a href="#nhA" class="spip_note" title="Notes A" rev="appendix">A</a>]&nbsp;</span>Nommée.</p>\n</div>\n\n' +
        '<div id="nb1">\n<p><span class="spip_note_ref">[<a href="#nh1" class="spip_note" title="Notes 1" rev="appendix">1</a>]&nbsp;</span>Numérotée.</p>\n</div>',
    );
  });

  test('nests shortcuts', () => {
    inParagraph(
      '{{gras [lien {ital}->https://e.com] fin}}',
      '<strong>gras <a href="https://e.com" class="spip_out" rel="external">lien <i>ital</i></a> fin</strong>',
    );
  });
});
