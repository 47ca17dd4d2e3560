import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText } from './html-to-text.js';

describe('htmlToText', () => {
  const cases: readonly (readonly [behaviour: string, html: string, text: string])[] = [
    [
      'puts each block on its own line and collapses white space within lines',
      '<h2>Travaux\n  rue Hugo</h2>\n<p>Du   lundi au <b>vendredi</b>,</p><ul><li>déviation</li><li>parking</li></ul>',
      'Travaux rue Hugo\nDu lundi au vendredi,\ndéviation\nparking',
    ],
    ['keeps the lines of preformatted text', '<p>Horaires\n:</p><pre>lundi  9 h\nmardi 14 h</pre>', 'Horaires :\nlundi 9 h\nmardi 14 h'],
    [
      'decodes named, decimal and hexadecimal entities',
      '<p>L&#8217;&eacute;t&#xE9; &amp; l&rsquo;hiver&nbsp;: 18&#8239;h</p>',
      'L’été & l’hiver : 18 h',
    ],
    ['keeps an escaped tag as text, not as markup', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', '<script>alert(1)</script>'],
    ['breaks lines at <br> and table cells', 'a<br>b<br/>c<table><tr><td>x</td><td>y</td></tr></table>', 'a\nb\nc\nx\ny'],
    ['drops the content of script and style elements', '<style>p{color:red}</style><p>Texte</p><script>var a = "<p>";</script>', 'Texte'],
    ['reads broken markup without throwing', '<p>Un <b>gras <i>mal</b> fermé</p><div', 'Un gras mal fermé'],
    ['gives an empty string for markup without text', '<p> </p><br><img src="a.png" alt="">', ''],
  ];
  for (const [behaviour, html, text] of cases) {
    test(behaviour, () => assert.equal(htmlToText(html), text));
  }
});
