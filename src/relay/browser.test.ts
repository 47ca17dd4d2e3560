import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { blockingViolations } from '../test-support/blocking-violations.js';
import { serveForBrowser } from '../test-support/serve-for-browser.js';
import { signInInBrowser } from '../test-support/sign-in-in-browser.js';
import { addTestUser, buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import { CHANNELS } from './channels/channels.js';
import { startFakeMastodonServer } from './channels/testdata/fake-mastodon-server.js';
import { FAKE_TOKEN, type FakeNetworkServer } from './channels/testdata/start-fake-network.js';
import { DEFAULT_TEMPLATE } from './pages/save-page.js';

// In Chromium, on SQLite only (the pages are the same bytes on PostgreSQL; the routes are tested on both).
let site: TestSite;
let network: FakeNetworkServer;
let browser: Browser;
let base: string;

before(async () => {
  network = await startFakeMastodonServer();
  site = await startTestSite('sqlite', { FETCH_ALLOW_HOSTS: '127.0.0.1' });
  await site.relais.relay.addPage({ network: 'mastodon', name: 'jeunesse', audience: 'Jeunesse', instance: network.origin, token: FAKE_TOKEN, template: { ...DEFAULT_TEMPLATE, hashtags: 'jeunesse' } }, null);
  await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Fête de la musique 🎶', lead: 'Concerts gratuits : 18 h – minuit !' }));
  ({ base, browser } = await serveForBrowser(site));
});
after(async () => {
  await browser?.close();
  await site?.close();
  await network?.close();
});

test('composing in Chromium: the live counter counts as the server, and the relay screens pass axe-core', async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await signInInBrowser(page, base, await addTestUser(site, 'admin'));
  const violations: string[] = [];

  await page.goto(`${base}/ecrire/relais/pages`);
  assert.match(await page.locator('table').innerText(), /@mairie@127\.0\.0\.1/);
  violations.push(...await blockingViolations(page));
  await page.goto(`${base}/ecrire/relais/pages/ajouter`);
  violations.push(...await blockingViolations(page));

  await page.goto(`${base}/ecrire/relais/composer`);
  violations.push(...await blockingViolations(page));
  await Promise.all([page.waitForURL(/ok=preparees$/), page.click('button:has-text("Préparer les brouillons")')]);
  violations.push(...await blockingViolations(page));
  await Promise.all([page.waitForLoadState(), page.click('table a')]);

  const typed = 'Noël à Val-Fleuri 🎄👩‍👩‍👧🇫🇷 — « marché » ! https://www.ville-exemple.fr/article/noel-au-marche-avec-une-tres-longue-adresse';
  await page.fill('#f-text', typed);
  assert.equal(Number(await page.locator('.relay-count').innerText()), CHANNELS.mastodon.countLength(typed));
  assert.equal(await page.locator('#f-text-preview').innerText(), typed);
  await page.fill('#f-text', 'é'.repeat(501));
  assert.equal(await page.locator('.relay-count').innerText(), '501');
  assert.match(await page.locator('.relay-counter').innerText(), /trop long/);
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Enregistrer")')]);
  assert.match(await page.locator('.error-summary').innerText(), /501 caractères comptés par le réseau pour 500 au plus/);
  violations.push(...await blockingViolations(page));

  await page.goto(`${base}/ecrire/relais/calendrier?vue=mois`);
  violations.push(...await blockingViolations(page));
  assert.deepEqual(violations, []);
  await context.close();
});
