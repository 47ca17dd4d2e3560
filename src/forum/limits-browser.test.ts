import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockingViolations } from '../test-support/blocking-violations.js';
import { signInInBrowser } from '../test-support/sign-in-in-browser.js';
import { useBrowserSite } from '../test-support/use-browser-site.js';
import { addTestUser } from '../test-support/test-site.js';

// In Chromium, on SQLite only (the page is the same bytes on PostgreSQL; saving is tested on both).
const shared = useBrowserSite();

test('the forum limits page passes axe-core, blank and with errors, and reads each unit with its field', async () => {
  const { site, browser, base } = shared;
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
