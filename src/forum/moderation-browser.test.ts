import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { blockingViolations } from '../test-support/blocking-violations.js';
import { signInInBrowser } from '../test-support/sign-in-in-browser.js';
import { serveForBrowser } from '../test-support/serve-for-browser.js';
import { addTestUser, buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import { findContribution } from './store.js';

// In Chromium, on SQLite only (the pages are the same bytes on PostgreSQL; the actions behind
// them are tested on both dialects): the queue's keyboard shortcuts, its bulk form without
// JavaScript, and axe-core on the queue and the edit page.

describe('the moderation queue in Chromium', () => {
  let site: TestSite;
  let browser: Browser;
  let base: string;
  let articleId: number;
  let moderator: { email: string; password: string };
  let n = 0;
  const propose = (body: string) => site.relais.forum.post(
    { articleId, parentId: null, authorName: `Habitant ${++n}`, email: `h${n}@exemple.fr`, body, notifyReplies: false },
    { ip: null, userId: null }, 'pri');
  const statusOf = async (id: number) => (await findContribution(site.relais.db.kysely, id))?.status;

  async function signedIn(options: { javaScriptEnabled: boolean }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'fr-FR', ...options });
    const page = await context.newPage();
    await signInInBrowser(page, base, moderator);
    return { context, page };
  }

  before(async () => {
    site = await startTestSite('sqlite');
    articleId = (await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Piste cyclable' }))).id;
    moderator = await addTestUser(site, 'moderator');
    ({ base, browser } = await serveForBrowser(site));
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('j moves to a message with a visible focus, a approves it, x ticks, and keys typed in a field do nothing', async () => {
    const older = await propose('Message plus ancien');
    const newest = await propose('Message le plus récent');
    const { context, page } = await signedIn({ javaScriptEnabled: true });
    await page.goto(`${base}/ecrire/forum`);
    assert.equal(await page.isVisible('#raccourcis'), true);

    await page.keyboard.press('j');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { message: el.dataset.message, outline: getComputedStyle(el).outlineStyle };
    });
    assert.deepEqual(focused, { message: String(newest.id), outline: 'solid' });
    await Promise.all([page.waitForURL(/ok=approve/), page.keyboard.press('a')]);
    assert.equal(await statusOf(newest.id), 'published');
    assert.equal(await statusOf(older.id), 'proposed');
    assert.match(await page.locator('.notice').innerText(), /Message publié/);

    await page.keyboard.press('j');
    await page.keyboard.press('x');
    assert.equal(await page.isChecked(`#choix${older.id}`), true);
    await page.click(`#message${older.id} summary`);
    await page.focus(`#reponse${older.id}`);
    await page.keyboard.type('jars');
    assert.equal(await page.inputValue(`#reponse${older.id}`), 'jars');
    assert.equal(await statusOf(older.id), 'proposed');
    assert.equal(page.url().includes('ok=approve'), true, 'no new navigation while typing');
    await context.close();
  });

  test('the queue and the edit page pass axe-core (no serious or critical violation)', async () => {
    const c = await propose('Un message avec un {{gras}} et un [lien->https://exemple.fr]');
    const { context, page } = await signedIn({ javaScriptEnabled: true });
    await page.goto(`${base}/ecrire/forum`);
    const queue = await blockingViolations(page);
    await page.goto(`${base}/ecrire/forum/${c.id}/modifier?retour=proposed`);
    await Promise.all([page.waitForLoadState(), page.click('button[value="preview"]')]);
    assert.match(await page.locator('.forum-preview').innerText(), /gras/);
    const edit = await blockingViolations(page);
    assert.deepEqual([...queue, ...edit], []);
    await context.close();
  });

  test('without JavaScript, a ticked box, an action and the button apply a bulk action', async () => {
    const first = await propose('Lot sans script 1');
    const second = await propose('Lot sans script 2');
    const { context, page } = await signedIn({ javaScriptEnabled: false });
    await page.goto(`${base}/ecrire/forum`);
    assert.equal(await page.isVisible('#raccourcis'), false);
    await page.check(`#choix${first.id}`);
    await page.selectOption('#action-groupee', 'reject');
    await Promise.all([page.waitForURL(/ok=selection/), page.click('.bulk-actions button[type="submit"]')]);
    assert.match(await page.locator('.notice').innerText(), /1 message refusé\./);
    assert.deepEqual([await statusOf(first.id), await statusOf(second.id)], ['rejected', 'proposed']);
    await context.close();
  });
});
