import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { blockingViolations } from '../../test-support/blocking-violations.js';
import { serveForBrowser } from '../../test-support/serve-for-browser.js';
import { signInInBrowser } from '../../test-support/sign-in-in-browser.js';
import { addTestUser, startTestSite, type TestSite } from '../../test-support/test-site.js';
import { startRouteServer, type RouteServer } from '../fetch/testdata/start-route-server.js';
import { buildRss } from './testdata/build-rss.js';

// In Chromium, on SQLite only (the pages are the same bytes on PostgreSQL; the routes are tested on both).
let site: TestSite;
let feeds: RouteServer;
let browser: Browser;
let base: string;
let flakyServed = 0;

before(async () => {
  const rss = buildRss('Actualités', [{ guid: 'a', title: 'Conseil municipal', link: 'https://ville-exemple.fr/a', description: 'Lundi.', published: '2026-11-20T10:00:00Z' }]);
  feeds = await startRouteServer({
    '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss),
    // A feed on the day it is added, then a server error.
    '/flaky': (_req, res) => (flakyServed++ === 0 ? res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRss('Fragile', [])) : res.writeHead(500).end()),
    '/two': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>Ville</title><link rel="alternate" type="application/rss+xml" href="/feed" title="Actualités"><link rel="alternate" type="application/rss+xml" href="/flaky" title="Agenda">'),
    '/nothing': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Rien</title>'),
  });
  site = await startTestSite('sqlite', { FETCH_ALLOW_HOSTS: '127.0.0.1' });
  ({ base, browser } = await serveForBrowser(site));
});
after(async () => {
  await browser?.close();
  await site?.close();
  await feeds?.close();
});

async function addSource(page: Page, url: string): Promise<void> {
  await page.goto(`${base}/ecrire/veille/sources/ajouter`);
  await page.fill('#f-url', url);
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Ajouter")')]);
}

test('the sources list with an error row, a source in error, the add form with an error and a choice of feeds pass axe-core', async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await signInInBrowser(page, base, await addTestUser(site, 'admin'));
  await addSource(page, feeds.url('/feed'));
  await Promise.all([page.waitForURL(/\?ok=releve$/), page.click('button:has-text("Relever maintenant")')]);
  await addSource(page, feeds.url('/flaky'));
  await Promise.all([page.waitForURL(/\?ok=releve-erreur$/), page.click('button:has-text("Relever maintenant")')]);
  assert.match(await page.locator('details').innerText(), /Détail technique/);
  const detail = await blockingViolations(page);

  await page.goto(`${base}/ecrire/veille/sources`);
  assert.match(await page.locator('table').innerText(), /En erreur/);
  const list = await blockingViolations(page);

  await addSource(page, feeds.url('/nothing'));
  assert.match(await page.locator('.error-summary').innerText(), /Aucun flux RSS, Atom ou JSON Feed/);
  assert.equal(await page.inputValue('#f-url'), feeds.url('/nothing'));
  const form = await blockingViolations(page);
  await addSource(page, feeds.url('/two'));
  assert.equal(await page.locator('fieldset input[type="radio"]').count(), 2);
  const choice = await blockingViolations(page);
  assert.deepEqual([...list, ...detail, ...form, ...choice], []);
  await context.close();
});

test('a network’s add form with its errors beside the fields, and a social source’s page, pass axe-core', async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await signInInBrowser(page, base, await addTestUser(site, 'editor'));
  await page.goto(`${base}/ecrire/veille/sources/ajouter/mastodon`);
  await page.fill('#f-instance', 'piaille.fr');
  await page.fill('#f-hashtag', 'deux mots');
  await page.fill('#f-token', 'pas un jeton');
  await Promise.all([page.waitForLoadState(), page.click('button:has-text("Ajouter")')]);
  assert.match(await page.locator('.error-summary').innerText(), /Mot-dièse : Indiquez un mot-dièse/);
  assert.equal(await page.inputValue('#f-hashtag'), 'deux mots');
  assert.equal(await page.inputValue('#f-token'), '', 'the token is never sent back');
  const form = await blockingViolations(page);

  await page.fill('#f-hashtag', 'ConseilMunicipal');
  await page.fill('#f-token', '');
  await Promise.all([page.waitForURL(/\?ok=ajoutee$/), page.click('button:has-text("Ajouter")')]);
  assert.match(await page.locator('.source-facts').innerText(), /Mastodon/);
  const detail = await blockingViolations(page);
  assert.deepEqual([...form, ...detail], []);
  await context.close();
});
