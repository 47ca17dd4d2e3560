import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertExcerpt } from './alert-excerpt.js';

test('marks become *stars* in the plain text and entities are read back; the HTML keeps its marks', () => {
  assert.deepEqual(alertExcerpt('Le <mark>budget</mark> primitif &amp; le <mark>vote</mark> &lt;enfin&gt;'), {
    html: 'Le <mark>budget</mark> primitif &amp; le <mark>vote</mark> &lt;enfin&gt;',
    text: 'Le *budget* primitif & le *vote* <enfin>',
  });
});

test('a long text is cut around its first mark, with ellipses on the sides left out', () => {
  const filler = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
  const excerpt = alertExcerpt(`${filler(100, 'avant')} le <mark>festival</mark> ouvre ${filler(100, 'après')}`, 60);
  assert.match(excerpt.text, /^… (avant )+le \*festival\* ouvre( après)+ …$/);
  assert.match(excerpt.html, /le <mark>festival<\/mark> ouvre/);
});

test('a phrase cut by the window keeps its stars paired', () => {
  const excerpt = alertExcerpt(`<mark>${Array.from({ length: 60 }, () => 'mot').join(' ')}</mark> fin`, 50);
  assert.equal((excerpt.text.match(/\*/g) ?? []).length, 2);
  assert.ok(excerpt.text.startsWith('*mot') && excerpt.text.endsWith('* …'), excerpt.text);
});
