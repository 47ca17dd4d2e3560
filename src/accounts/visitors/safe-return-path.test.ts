import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeReturnPath } from './safe-return-path.js';

test('keeps a path of this site, with its query and fragment', () => {
  assert.equal(safeReturnPath('/article/fete-du-village#forum'), '/article/fete-du-village#forum');
  assert.equal(safeReturnPath('/forum/repondre/12?x=1'), '/forum/repondre/12?x=1');
});

test('refuses anything that could lead to another site', () => {
  for (const value of [undefined, '', 'article', '//evil.example', '/\\evil.example', '\\\\evil.example', '/\t/evil.example', '/\n/evil.example',
    'https://evil.example/', 'javascript:alert(1)', `/${'a'.repeat(600)}`]) {
    assert.equal(safeReturnPath(value), undefined, JSON.stringify(value));
  }
});
