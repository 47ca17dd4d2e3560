import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { blockingViolations } from '../../test-support/blocking-violations.js';
import { serveForBrowser } from '../../test-support/serve-for-browser.js';
import { signInInBrowser } from '../../test-support/sign-in-in-browser.js';
import { addTestUser, buildArticle, startTestSite, type TestSite } from '../../test-support/test-site.js';
import { forumMailLinks } from '../notifications/mail-link.js';
import { findContribution } from '../store.js';

// SQLite only: these pages are the same bytes on PostgreSQL; their data layer is tested on both dialects.

describe('forum e-mail links and RGPD pages in Chromium', () => {
  let site: TestSite;
  let browser: Browser;
  let base: string;
  let links: ReturnType<typeof forumMailLinks>;
  let contributionId: number;

  before(async () => {
    site = await startTestSite('sqlite');
    ({ base, browser } = await serveForBrowser(site));
    links = forumMailLinks(site.relais.secretKey, base);
    const article = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Conseil municipal' }));
    const c = await site.relais.forum.post(
      { articleId: article.id, parentId: null, authorName: 'Noa', email: 'noa@exemple.fr', body: 'Bonjour', notifyReplies: true },
      { ip: '192.0.2.9', userId: null }, 'pos');
    contributionId = c.id;
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('the unsubscribe page works without JavaScript and passes axe-core, like the removal and invalid-link pages', async () => {
    const subject = { contributionId, email: 'noa@exemple.fr' };
    for (const url of [links.url('retirer', subject), `${base}/forum/desabonner?m=${contributionId}&s=faux`, links.url('desabonner', subject)]) {
      assert.deepEqual(await blockingViolationsIn(url), [], url);
    }
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(links.url('desabonner', subject));
    await page.click('button[type="submit"]');
    assert.match(await page.textContent('h1') ?? '', /Désabonnement enregistré/);
    assert.equal((await findContribution(site.relais.db.kysely, contributionId))?.notifyReplies, false);
    await context.close();
  });

  test('a moderator exports or erases through an accessible page, with a confirmation step', async () => {
    const moderator = await addTestUser(site, 'moderator');
    const page = await browser.newPage();
    await signInInBrowser(page, base, moderator);
    await page.goto(`${base}/ecrire/forum/donnees`);
    assert.deepEqual(await blockingViolations(page), []);
    await page.fill('input[name="email"]', 'noa@exemple.fr');
    await Promise.all([page.waitForURL(`${base}/ecrire/forum/donnees/effacer`), page.click('button[formaction="/ecrire/forum/donnees/effacer"]')]);
    assert.match(await page.textContent('[role="alert"]') ?? '', /1 message envoyé avec l’adresse noa@exemple\.fr sera supprimé définitivement/);
    assert.deepEqual(await blockingViolations(page), []);
    await page.close();
  });

  /** Axe needs JavaScript: each page is checked again in a context that runs it. */
  async function blockingViolationsIn(url: string): Promise<string[]> {
    const page = await browser.newPage();
    try {
      await page.goto(url);
      return await blockingViolations(page);
    } finally {
      await page.close();
    }
  }
});
