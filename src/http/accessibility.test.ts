import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { ensureFooterPages, loadDemoContent } from '../blog/demo/load-demo-content.js';
import { listPublicArticles } from '../blog/store.js';
import { blockingViolations } from '../test-support/blocking-violations.js';
import { launchChromium } from '../test-support/browser.js';
import { buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import { addExampleMedia } from '../media/testdata/example-media.js';

// The pages are checked on SQLite only: they are the same bytes on PostgreSQL (the views do not
// know the dialect), and the data layer behind them is tested on both dialects elsewhere.

describe('public pages and the sign-in page in Chromium', () => {
  let site: TestSite;
  let browser: Browser;
  let withJs: BrowserContext;
  let withoutJs: BrowserContext;
  let base: string;
  const pages: { name: string; path: string; status: number; content: string }[] = [];

  before(async () => {
    site = await startTestSite('sqlite');
    await ensureFooterPages(site.relais);
    await loadDemoContent(site.relais);
    await site.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
    const section = site.relais.db.kysely.selectFrom('sections').select('slug').orderBy('id').limit(1);
    const sectionSlug = (await section.executeTakeFirstOrThrow()).slug;
    pages.push(
      { name: 'home', path: '/', status: 200, content: '.teaser' },
      { name: 'section', path: `/rubrique/${sectionSlug}`, status: 200, content: '.teaser' },
    );
    // An article with a main illustration, a body image, a decorative one and a document (issue 5).
    const media = await addExampleMedia(site.relais);
    const illustrated = await site.relais.blog.createArticle({ userId: null }, buildArticle({
      title: 'La crèche ouvre ses portes', logoMediaId: media.photo,
      body: `La nouvelle crèche accueille ses premiers enfants.\n\n<img${media.plan}|left>\n\n<img${media.ornament}|right>\n\nLire <doc${media.pdf}>.`,
    }));
    pages.push({ name: 'article with images', path: `/article/${illustrated.slug}`, status: 200, content: '.texte' });
    // Every demo article: together they use the whole range of SPIP shortcuts.
    for (const article of await listPublicArticles(site.relais.db.kysely, { now: site.relais.now(), limit: 50, offset: 0 })) {
      pages.push({ name: `article « ${article.title} »`, path: `/article/${article.slug}`, status: 200, content: '.texte' });
    }
    pages.push(
      { name: 'accessibility statement', path: '/page/accessibilite', status: 200, content: '.texte' },
      { name: 'legal notice', path: '/page/mentions-legales', status: 200, content: '.texte' },
      { name: 'personal data', path: '/page/donnees-personnelles', status: 200, content: '.texte' },
      { name: 'sign-in', path: '/ecrire/login', status: 200, content: 'form' },
      { name: 'not found', path: '/article/cette-page-n-existe-pas', status: 404, content: '.error-page' },
    );
    browser = await launchChromium();
    withJs = await browser.newContext({ locale: 'fr-FR' });
    withoutJs = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('has no serious or critical axe-core violation on any page', async () => {
    const page = await withJs.newPage();
    const failures: string[] = [];
    for (const { name, path, status } of pages) {
      const response = await page.goto(base + path);
      assert.equal(response?.status(), status, `${name} (${path})`);
      const blocking = await blockingViolations(page);
      if (blocking.length > 0) failures.push(`${name} (${path}) :\n- ${blocking.join('\n- ')}`);
    }
    assert.deepEqual(failures, [], `axe-core violations:\n${failures.join('\n')}`);
  });

  test('shows every page’s main content without JavaScript', async () => {
    const page = await withoutJs.newPage();
    for (const { name, path, status, content } of pages) {
      const response = await page.goto(base + path);
      assert.equal(response?.status(), status, `${name} (${path})`);
      assert.ok((await page.locator('h1').first().innerText()).trim().length > 0, `${name}: a title`);
      const main = page.locator(`main ${content}`).first();
      assert.ok(await main.isVisible(), `${name}: ${content} is shown in <main>`);
      assert.ok((await main.innerText()).trim().length > 0, `${name}: ${content} has text`);
    }
  });

  test('lets a keyboard user skip to the content and see where the focus is', async () => {
    const page = await withJs.newPage();
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    assert.ok(await skip.evaluate((el) => el === document.activeElement), 'the skip link comes first');
    assert.ok(await skip.isVisible(), 'the skip link shows when focused');
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'contenu');
  });
});
