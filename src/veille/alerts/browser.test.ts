import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockingViolations } from '../../test-support/blocking-violations.js';
import { signInInBrowser } from '../../test-support/sign-in-in-browser.js';
import { useBrowserSite } from '../../test-support/use-browser-site.js';
import { addTestUser } from '../../test-support/test-site.js';
import { seedWatch } from './testdata/seed-veille.js';

// In Chromium, on SQLite only: the page is the same bytes on PostgreSQL (its routes are tested on both).
const shared = useBrowserSite();

test('the alert settings page, blank, with errors and once saved, passes axe-core (plain forms, no script)', async () => {
  const { site, browser, base } = shared;
  const editor = await addTestUser(site, 'editor');
  const watch = await seedWatch(site.relais.db.kysely, { name: 'Budget', ownerIds: [editor.id] });
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await signInInBrowser(page, base, editor);
  await page.goto(`${base}/ecrire/veille/veilles/${watch}/alertes`);
  const violations = await blockingViolations(page);
  const proposed = await page.inputValue('#f-webhook_secret');
  assert.ok(proposed.length >= 24, 'a secret is proposed');
  await page.fill('#f-webhook_url', 'pas une adresse');
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Enregistrer")')]);
  assert.match(await page.locator('.error-summary').innerText(), /Adresse du webhook/);
  violations.push(...await blockingViolations(page));
  await page.fill('#f-webhook_url', 'https://hooks.example/relais');
  await page.selectOption('#f-digest_hour', '8');
  await Promise.all([page.waitForURL(/\?ok=enregistre$/), page.click('button:has-text("Enregistrer")')]);
  assert.match(await page.locator('.notice').innerText(), /enregistrés/);
  assert.equal(await page.inputValue('#f-webhook_secret'), '');
  assert.match(await page.locator('#f-webhook_secret-hint').innerText(), new RegExp(`se termine par « ${proposed.slice(-4).replace(/[-]/g, '\\-')} »`));
  violations.push(...await blockingViolations(page));
  assert.deepEqual(violations, []);
  await context.close();
});
