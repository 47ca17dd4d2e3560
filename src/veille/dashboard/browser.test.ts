import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockingViolations } from '../../test-support/blocking-violations.js';
import { signInInBrowser } from '../../test-support/sign-in-in-browser.js';
import { addTestUser } from '../../test-support/test-site.js';
import { useBrowserSite } from '../../test-support/use-browser-site.js';
import { seedItem, seedMatch, seedSource, seedWatch } from '../alerts/testdata/seed-veille.js';

// In Chromium, on SQLite only: the page is the same bytes on PostgreSQL, whose aggregates store.test.ts checks.
const shared = useBrowserSite(async (site) => {
  const db = site.relais.db.kysely;
  const sources = [await seedSource(db, { title: 'Le Progrès' }), await seedSource(db, { kind: 'mastodon', title: 'Préfecture' }), await seedSource(db, { title: 'Blog' })];
  const watches = [await seedWatch(db, { name: 'Budget' }), await seedWatch(db, { name: 'Festival' }), await seedWatch(db, { name: 'Travaux' })];
  const now = site.relais.now().getTime();
  for (let i = 0; i < 40; i++) {
    const item = await seedItem(db, { sourceId: sources[i % 3]!, createdAt: new Date(now - (i % 25) * 86_400_000).toISOString() });
    await seedMatch(db, watches[i % 3]!, item, { state: (['new', 'handled', 'ignored', 'to_handle'] as const)[i % 4] });
  }
});

test('the dashboard draws its four charts as named images, each followed by its table, and passes axe-core (30 and 90 days)', async () => {
  const { site, browser, base } = shared;
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await signInInBrowser(page, base, await addTestUser(site, 'reader'));
  const violations: string[] = [];
  for (const days of [30, 90]) {
    await page.goto(`${base}/ecrire/veille/tableau-de-bord?jours=${days}`);
    const charts = page.locator('svg.chart[role="img"]');
    assert.equal(await charts.count(), 4);
    for (let i = 0; i < 4; i++) {
      const name = await charts.nth(i).evaluate((svg) => svg.querySelector('title')?.textContent ?? '');
      assert.match(name, new RegExp(`${days} derniers jours`));
    }
    assert.equal(await page.locator('figure + table, figure + details table').count(), 4, 'a table after each chart');
    assert.equal(await page.locator('#graphique-jours polyline').count(), 3);
    assert.equal(await page.locator(`a[href$="jours=${days}"][aria-current="page"]`).count(), 1);
    await page.locator('details summary').click();
    violations.push(...await blockingViolations(page));
  }
  assert.deepEqual(violations, []);
  await context.close();
});
