import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test-support/browser.js';
import { renderDocument } from './render-document.js';
import type { Profile } from './render-options.js';
import { checkWellFormed } from './testdata/check-well-formed.js';
import { normalizeHtml } from './testdata/normalize-html.js';
import { pick, seededRandom } from './testdata/seeded-random.js';

const FRAGMENTS = [
  '{', '}', '{{', '}}', '{{{', '}}}', '[', ']', '->', '[[', ']]', '<-', '|', '||', '\n', '\n\n', '\n-* ', '\n-** ', '\n-# ',
  '\n- ', '\n_ ', '\n----\n', '\n| a | b |\n', '\n| {{t}} | < |\n| ^ | 1,5 |\n', '<quote>', '</quote>', '<code>', '</code>',
  '`', '```\n', '<cadre>', '</cadre>', '<poesie>', '</poesie>', '<html>', '</html>', '<i>', '</i>', '<b>', '</b>', '<div>',
  '</div>', '<p>', '</p>', '<ul><li>', '</li></ul>', '<a href="https://e.fr">', '</a>', '<span title="t">', '</span>',
  '<script>', '</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'https://e.fr/x', 'www.e.fr', '?', '!',
  ':', ';', '%', '«', '»', "'", '--', '~', 'n° ', 'Mme ', '<img4>', '<doc2|left>', '->art3]', '[?Paris]', '&amp;', '&',
  '<', '>', '"', 'mot', 'texte ', 'é', '  ', '<!--', '-->', '<h3>', '</h3>', '<table><tr><td>', '</td></tr></table>',
];
const TYPED = [
  'q', 'del', 'ins', 'em', 'strong', 'b', 'i', 'u', 'sub', 'sup', 'abbr', 'acronym', 'cite', 'span', 'br', 'p', 'div',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'table', 'caption', 'thead', 'tbody', 'tfoot',
  'tr', 'th', 'td', 'pre', 'code', 'small', 'mark', 'hr', 'dl', 'dt', 'dd', 'a', 'textarea', 'tt',
];
const ALLOWED: Readonly<Record<Profile, ReadonlySet<string>>> = {
  forum: new Set(TYPED),
  article: new Set([...TYPED, 'figure', 'figcaption', 'img']),
};

/** A random mixture of shortcuts, tags and text. */
function randomText(random: () => number): string {
  const length = 1 + Math.floor(random() * 40);
  let text = '';
  for (let i = 0; i < length; i++) text += pick(random, FRAGMENTS);
  return text;
}

function* samples(seed: number, count: number): Generator<{ text: string; profile: Profile }> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) yield { text: randomText(random), profile: random() < 0.5 ? 'article' : 'forum' };
}

describe('property: random mixtures of shortcuts', () => {
  test('never throw and always give well-nested, allowed HTML', () => {
    for (const { text, profile } of samples(20240312, 3000)) {
      const { html, notes } = renderDocument(text, { profile });
      for (const part of [html, notes]) {
        assert.deepEqual(checkWellFormed(part, ALLOWED[profile]), [], `${profile}: ${JSON.stringify(text)}\n${part}`);
      }
    }
  });

  describe('in Chromium', () => {
    let browser: Browser;
    before(async () => {
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
    });

    test('parse and re-serialise to the same tree', async () => {
      const cases = [...samples(7, 400)].map(({ text, profile }) => ({ text, html: renderDocument(text, { profile }).html }));
      const page = await browser.newPage();
      try {
        const serialised = (await page.evaluate(
          `(${JSON.stringify(cases.map((c) => c.html))}).map((html) => { const d = document.createElement('div'); d.innerHTML = html; return d.innerHTML; })`,
        )) as string[];
        cases.forEach(({ text, html }, i) => {
          assert.equal(normalizeHtml(serialised[i] ?? ''), normalizeHtml(html), `${JSON.stringify(text)}\n${html}`);
        });
      } finally {
        await page.close();
      }
    });
  });
});
