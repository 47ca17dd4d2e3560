import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockingViolations } from '../test-support/blocking-violations.js';
import { signInInBrowser } from '../test-support/sign-in-in-browser.js';
import { useBrowserSite } from '../test-support/use-browser-site.js';
import { addTestUser, buildArticle } from '../test-support/test-site.js';
import { addExampleMedia } from './testdata/example-media.js';
import { phonePhoto } from './testdata/media-fixtures.js';

// In Chromium, on SQLite only (the pages are the same bytes on PostgreSQL; the routes are tested on both).
const shared = useBrowserSite();

test('an editor uploads a phone photo from the browser form; the library screens pass axe-core', async () => {
  const { site, browser, base } = shared;
  const media = await addExampleMedia(site.relais);
  await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Plan d’accès de la crèche', body: `<img${media.plan}|left>` }));
  const photo = join(site.database.dataDir, 'IMG_1204.jpg');
  writeFileSync(photo, await phonePhoto(900, 600));
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await signInInBrowser(page, base, await addTestUser(site, 'editor'));
  const violations: string[] = [];
  const check = async (what: string) => violations.push(...(await blockingViolations(page)).map((v) => `${what}: ${v}`));

  await page.goto(`${base}/ecrire/media/nouveau`);
  await page.setInputFiles('#f-file', photo);
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Ajouter")')]);
  assert.match(await page.locator('.error-summary').innerText(), /L’alternative textuelle est obligatoire/);
  await check('upload form with an error');

  await page.setInputFiles('#f-file', photo);
  await page.fill('#f-alt', 'Les enfants jouent dans le jardin de la crèche');
  await page.fill('#f-credit', '© Ville de Relais');
  await Promise.all([page.waitForURL(/\/ecrire\/media\/\d+\?ok=ajoute$/), page.click('button:has-text("Ajouter")')]);
  const preview = page.locator('.media-preview img');
  assert.equal(await preview.getAttribute('alt'), 'Les enfants jouent dans le jardin de la crèche');
  assert.deepEqual([await preview.getAttribute('width'), await preview.getAttribute('height')], ['600', '900']);
  await check('item page');

  await page.goto(`${base}/ecrire/media`);
  assert.equal(await page.locator('.media-card').count(), 5);
  await check('grid');
  await page.goto(`${base}/ecrire/media?vue=liste&q=cr%C3%A8che`);
  assert.ok(await page.locator('table.list').isVisible());
  await check('list');
  await page.goto(`${base}/ecrire/media/${media.plan}/supprimer`);
  assert.match(await page.locator('.panel').innerText(), /Plan d’accès de la crèche/);
  await check('delete confirmation');
  assert.deepEqual(violations, []);
  await context.close();
});
