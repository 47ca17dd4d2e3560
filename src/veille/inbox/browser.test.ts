import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockingViolations } from '../../test-support/blocking-violations.js';
import { signInInBrowser } from '../../test-support/sign-in-in-browser.js';
import { addTestUser } from '../../test-support/test-site.js';
import { useBrowserSite } from '../../test-support/use-browser-site.js';
import { addTestSource, storeTestItem } from '../watches/testdata/store-test-item.js';
import { listInbox } from './store.js';

// In Chromium, on SQLite only (the pages are the same bytes on PostgreSQL; the routes are tested on both).
let sourceId: number;
const shared = useBrowserSite(async (site) => {
  sourceId = await addTestSource(site.relais.db, 'https://journal.exemple.fr/flux');
  await storeTestItem(site.relais.db, sourceId, { guid: 'p1', title: 'La piscine rouvre', text: 'La piscine municipale rouvre lundi.' });
  await storeTestItem(site.relais.db, sourceId, { guid: 'p2', title: 'Piscine : nouveaux horaires', text: 'Horaires d’hiver de la piscine.' });
});

test('the watch form with an error, the inbox, an item with a note, the watches and the search pass axe-core; shortcuts triage and new items are announced live', async () => {
  const { site, browser, base } = shared;
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await signInInBrowser(page, base, await addTestUser(site, 'admin'));
  await page.goto(`${base}/ecrire/veille/veilles/ajouter`);
  await page.fill('#f-name', 'Piscine');
  await page.fill('#f-query', 'piscine ET (horaires');
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Créer la veille")')]);
  assert.match(await page.locator('#f-query-error').innerText(), /Requête incorrecte au caractère/);
  const form = await blockingViolations(page);

  await page.fill('#f-query', 'piscine');
  await Promise.all([page.waitForURL(/ok=creee/), page.click('button:has-text("Créer la veille")')]);
  assert.equal(await page.locator('.inbox-entry').count(), 2);
  assert.match(await page.locator('.inbox-entry mark').first().innerText(), /^piscine$/i);
  const inbox = await blockingViolations(page);

  await page.check('#toute-la-page');
  assert.equal(await page.locator('.inbox-list input[name="selection"]:checked').count(), 2);
  await page.uncheck('#toute-la-page');
  await page.locator('h1').click(); // out of the checkbox: keys typed in a control are left to it
  // j focuses the first item (the newest), h marks it handled through the bulk form.
  await page.keyboard.press('j');
  await Promise.all([page.waitForURL(/ok=fait/), page.keyboard.press('h')]);
  const states = (await listInbox(site.relais.db.kysely, { state: 'all' }, 10)).map((e) => [e.title, e.state]);
  assert.deepEqual(states, [['Piscine : nouveaux horaires', 'handled'], ['La piscine rouvre', 'new']]);

  const itemId = await storeTestItem(site.relais.db, sourceId, { guid: 'p3', title: 'Piscine fermée', text: 'Vidange de la piscine.' });
  await site.relais.watches.matchNewItems([itemId]);
  await page.locator('#arrivees:not([hidden])').waitFor({ timeout: 10_000 });
  assert.match(await page.locator('#arrivees').innerText(), /1 nouvel élément est arrivé/);

  await page.goto(`${base}/ecrire/veille/boite/${(await listInbox(site.relais.db.kysely, {}, 1))[0]!.matchId}`);
  await page.fill('#f-body', 'Vérifier les horaires.');
  await Promise.all([page.waitForURL(/ok=note/), page.click('button:has-text("Ajouter la note")')]);
  assert.match(await page.locator('.match-notes').innerText(), /Vérifier les horaires\./);
  const detail = await blockingViolations(page);
  await page.goto(`${base}/ecrire/veille/veilles`);
  assert.match(await page.locator('table').innerText(), /Piscine/);
  const list = await blockingViolations(page);

  await page.goto(`${base}/ecrire/veille/recherche?q=piscine`);
  assert.equal(await page.locator('.search-results li').count(), 3);
  const search = await blockingViolations(page);
  assert.deepEqual([...form, ...inbox, ...detail, ...list, ...search], []);
  await context.close();
});
