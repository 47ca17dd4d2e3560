import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderDocument } from './render-document.js';
import { applySecondWall } from './second-wall.js';
import { normalizeHtml } from './testdata/normalize-html.js';
import { specCorpus } from './testdata/spec-corpus.js';

describe('the second wall (js-xss from MARKUP.md lists)', () => {
  test('removes a planted script and an onerror handler', () => {
    for (const profile of ['article', 'forum'] as const) {
      const { html } = renderDocument('Un {{texte}} [lien->https://e.fr].', { profile });
      const planted = `${html}<script>alert(1)</script><p><img src="https://e.fr/x.png" onerror="alert(2)"><b onerror="alert(3)">b</b></p>`;
      const walled = applySecondWall(planted, profile);
      assert.doesNotMatch(walled, /<script|alert\(1\)|onerror/i);
      assert.match(walled, /<b>b<\/b>/);
    }
  });

  test('drops planted javascript: and data: URLs and a style carrying url(', () => {
    const planted = `<p><a href="java&#115;cript:alert(1)">a</a><a href=" JAVASCRIPT:alert(1)">b</a><span style="background:url(x)">c</span></p>`;
    const walled = applySecondWall(`${planted}<img src="data:image/svg+xml,x" alt="d">`, 'article');
    assert.doesNotMatch(walled, /javascript|java&#115;|url\(|data:/i);
    assert.match(walled, /<a>a<\/a><a>b<\/a><span>c<\/span>/);
  });

  test('never changes the renderer output on the test corpus (the first wall is enough)', () => {
    for (const profile of ['article', 'forum'] as const) {
      for (const text of specCorpus) {
        const { html, notes } = renderDocument(text, { profile });
        for (const part of [html, notes]) {
          assert.equal(normalizeHtml(applySecondWall(part, profile)), normalizeHtml(part), `${profile}: ${JSON.stringify(text)}`);
        }
      }
    }
  });
});
