import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText } from './html-to-text.js';

describe('htmlToText', () => {
  test('puts each block on its own line and collapses white space within lines', () => {
    const html = '<h2>Travaux\n  rue Hugo</h2>\n<p>Du   lundi au <b>vendredi</b>,</p><ul><li>déviation</li><li>parking</li></ul>';
    assert.equal(htmlToText(html), 'Travaux rue Hugo\nDu lundi au vendredi,\ndéviation\nparking');
  });

  test('keeps the lines of preformatted text', () => {
    assert.equal(htmlToText('<p>Horaires\n:</p><pre>lundi  9 h\nmardi 14 h</pre>'), 'Horaires :\nlundi 9 h\nmardi 14 h');
  });

  test('decodes named, decimal and hexadecimal entities', () => {
    assert.equal(htmlToText('<p>L&#8217;&eacute;t&#xE9; &amp; l&rsquo;hiver&nbsp;: 18&#8239;h</p>'), 'L’été & l’hiver : 18 h');
  });

  test('keeps an escaped tag as text, not as markup', () => {
    assert.equal(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'), '<script>alert(1)</script>');
  });

  test('breaks lines at <br> and table cells', () => {
    assert.equal(htmlToText('a<br>b<br/>c<table><tr><td>x</td><td>y</td></tr></table>'), 'a\nb\nc\nx\ny');
  });

  test('drops the content of script and style elements', () => {
    assert.equal(htmlToText('<style>p{color:red}</style><p>Texte</p><script>var a = "<p>";</script>'), 'Texte');
  });

  test('reads broken markup as a browser would, without throwing', () => {
    assert.equal(htmlToText('<p>Un <b>gras <i>mal</b> fermé</p><div'), 'Un gras mal fermé');
  });

  test('gives an empty string for markup without text', () => {
    assert.equal(htmlToText('<p> </p><br><img src="a.png" alt="">'), '');
  });
});
