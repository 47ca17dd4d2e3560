import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertExcerpt } from './alert-excerpt.js';

test('a short text is kept whole, marks as <mark> in HTML and *stars* in plain text, entities read back', () => {
  assert.deepEqual(alertExcerpt('Le <mark>budget</mark> primitif &amp; le <mark>vote</mark> &lt;enfin&gt;'), {
    html: 'Le <mark>budget</mark> primitif &amp; le <mark>vote</mark> &lt;enfin&gt;',
    text: 'Le *budget* primitif & le *vote* <enfin>',
  });
});

test('a long text is cut around its first mark, on word boundaries, with ellipses on the sides left out', () => {
  const filler = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
  const excerpt = alertExcerpt(`${filler(100, 'avant')} le <mark>festival</mark> ouvre ${filler(100, 'après')}`, 120);
  assert.match(excerpt.text, /^… (avant )+le \*festival\* ouvre( après)+ …$/);
  assert.ok(excerpt.text.length <= 130, excerpt.text);
  assert.match(excerpt.html, /le <mark>festival<\/mark> ouvre/);
});

test('a phrase cut by the window keeps balanced marks', () => {
  const excerpt = alertExcerpt(`<mark>${Array.from({ length: 60 }, () => 'mot').join(' ')}</mark> fin`, 50);
  assert.equal((excerpt.html.match(/<mark>/g) ?? []).length, (excerpt.html.match(/<\/mark>/g) ?? []).length);
  assert.ok(excerpt.html.startsWith('<mark>mot'));
  assert.ok(excerpt.text.endsWith('* …'));
});
