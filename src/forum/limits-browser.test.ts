import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { blockingViolations } from '../test-support/blocking-violations.js';
import { signInInBrowser } from '../test-support/sign-in-in-browser.js';
import { serveForBrowser } from '../test-support/serve-for-browser.js';
import { addTestUser, startTestSite, type TestSite } from '../test-support/test-site.js';

// In Chromium, on SQLite only (the page is the same bytes on PostgreSQL; saving is tested on both).
let site: TestSite;
let browser: Browser;
let base: string;

before(async () => {
  site = await startTestSite('sqlite');
  ({ base, browser } = await serveForBrowser(site));
});
after(async () => {
  await browser?.close();
  await site?.close();
});

test('the forum limits page passes axe-core, blank and with errors, and reads each unit with its field', async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await signInInBrowser(page, base, await addTestUser(site, 'admin'));
  await page.goto(`${base}/ecrire/reglages/forum`);
  const blank = await blockingViolations(page);
  assert.equal(await page.getAttribute('#f-postsPerSite', 'aria-describedby'), 'f-postsPerSite-hint f-postsPerSite-unit');
  await page.fill('#f-postsPerSite', '-5');
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Enregistrer les limites")')]);
  assert.match(await page.locator('.error-summary').innerText(), /Indiquez un nombre entier entre 0 et 100/);
  const withErrors = await blockingViolations(page);
  assert.deepEqual([...blank, ...withErrors], []);
  await context.close();
});
