import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test-support/browser.js';
import { renderDocument } from './render-document.js';
import type { Profile, RenderResult } from './render-options.js';
import { renderSpip } from './render-spip.js';
import { domAuditSource } from './testdata/dom-audit.js';
import { hostileCases } from './testdata/hostile-cases.js';

const TYPED = [
  'q', 'del', 'ins', 'em', 'strong', 'b', 'i', 'u', 'sub', 'sup', 'abbr', 'acronym', 'cite', 'span', 'br', 'p', 'div',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'table', 'caption', 'thead', 'tbody', 'tfoot',
  'tr', 'th', 'td', 'pre', 'code', 'small', 'mark', 'hr', 'dl', 'dt', 'dd', 'a', 'textarea', 'tt',
];
const ALLOWED: Readonly<Record<Profile, readonly string[]>> = {
  forum: TYPED,
  article: [...TYPED, 'figure', 'figcaption', 'img'],
};
const BATCH = 320;

let browser: Browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

async function audit(profile: Profile, render: (text: string) => RenderResult): Promise<void> {
  assert.ok(hostileCases.length >= 300);
  const page = await browser.newPage();
  try {
    const events: string[] = [];
    page.on('dialog', (dialog) => {
      events.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => events.push(`console: ${message.text()}`));
    page.on('pageerror', (error) => events.push(`pageerror: ${error.message}`));
    await page.route('**/*', (route) => route.abort());
    for (let start = 0; start < hostileCases.length; start += BATCH) {
      const sections = hostileCases.slice(start, start + BATCH).map((text, i) => {
        const { html, notes } = render(text);
        return `<section data-case="${start + i}">${html}${notes}</section>`;
      });
      await page.setContent(`<!doctype html><html><head><title>audit</title></head><body>${sections.join('\n')}</body></html>`);
      await page.waitForTimeout(50);
      const findings = (await page.evaluate(domAuditSource(ALLOWED[profile]))) as string[];
      const pwned = await page.evaluate('window.__pwned');
      assert.deepEqual(findings, [], `forbidden content in ${profile} batch ${start}`);
      assert.equal(pwned, undefined, `a script ran in ${profile} batch ${start}`);
    }
    assert.deepEqual(events, []);
  } finally {
    await page.close();
  }
}

describe('hostile inputs in headless Chromium', () => {
  for (const profile of ['article', 'forum'] as const) {
    test(`run no script and leave no forbidden element, attribute or scheme (${profile}, first wall alone)`, async () => {
      await audit(profile, (text) => renderDocument(text, { profile }));
    });

    test(`run no script and leave no forbidden element, attribute or scheme (${profile}, both walls)`, async () => {
      await audit(profile, (text) => renderSpip(text, { profile }));
    });
  }
});
