import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerptAroundMark } from './excerpt-around-mark.js';

test('an excerpt centres on the first mark, cuts at spaces and closes a mark it cut', () => {
  const words = Array.from({ length: 60 }, (_, i) => `mot${i}`);
  words[30] = '<mark>budget</mark>';
  const excerpt = excerptAroundMark(words.join(' '), 30);
  assert.match(excerpt, /^… mot2\d /);
  assert.match(excerpt, /<mark>budget<\/mark>/);
  assert.match(excerpt, / …$/);
  assert.equal(excerptAroundMark('court &amp; <mark>net</mark>', 100), 'court &amp; <mark>net</mark>');
  const open = excerptAroundMark(`<mark>${'a '.repeat(100)}</mark>`, 20);
  assert.ok(open.endsWith('</mark> …'));
  assert.ok(!/&[a-z]*$/.test(excerptAroundMark(`${'x&amp;y '.repeat(40)}`, 20).replace(/ …$/, '')));
});
