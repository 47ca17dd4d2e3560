import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { blockingViolations } from '../test-support/blocking-violations.js';
import { signInInBrowser } from '../test-support/sign-in-in-browser.js';
import { serveForBrowser } from '../test-support/serve-for-browser.js';
import { addTestUser, buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import { advance } from './testdata/forum-test-helpers.js';

// In Chromium, on SQLite only (the pages are the same bytes on PostgreSQL): the forum pages pass
// axe-core, work without JavaScript, and hostile contributions never execute.

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '[clic->javascript:window.__pwned=3]',
  '<a href="javascript:window.__pwned=4">lien</a>',
  '<svg onload="window.__pwned=5"></svg>',
  '<b onmouseover="window.__pwned=6">survol</b> <div style="background:url(javascript:alert(1))">x</div>',
  '<iframe src="javascript:window.__pwned=7"></iframe> \u202Eabc <p>cassé <i>sans fin',
];

describe('forum pages in Chromium', () => {
  let site: TestSite;
  let browser: Browser;
  let base: string;
  let slug: string;
  let rootId: number;

  before(async () => {
    site = await startTestSite('sqlite');
    const article = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Réunion publique' }));
    slug = article.slug;
    await site.relais.forum.setArticleMode({ userId: null }, article.id, 'pos');
    const post = (body: string, parentId: number | null = null) => site.relais.forum.post(
      { articleId: article.id, parentId, authorName: 'Visiteur', email: '', body, notifyReplies: false }, { ip: null, userId: null }, 'pos');
    const root = await post('Premier message[[Une note.]] {{gras}}');
    rootId = root.id;
    await post('Une réponse[[Autre note.]]', root.id);
    for (const body of HOSTILE) await post(body);
    ({ base, browser } = await serveForBrowser(site));
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('the article with its forum, the reply page, errors, preview and thanks pass axe-core; nothing hostile runs', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => { dialogs++; void dialog.dismiss(); });
    const failures: string[] = [];
    const check = async (name: string) => {
      for (const v of await blockingViolations(page)) failures.push(`${name} : ${v}`);
      await page.hover('.forum-text >> nth=0').catch(() => undefined);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, `${name}: a hostile message ran`);
    };

    assert.equal((await page.goto(`${base}/article/${slug}`))?.status(), 200);
    await page.locator('.forum-text b').hover();
    await check('article');

    assert.equal((await page.goto(`${base}/forum/repondre/${rootId}`))?.status(), 200);
    await check('reply page');

    advance(site, 5_000);
    await page.fill('#f-texte', 'Sans nom');
    await Promise.all([page.waitForLoadState(), page.click('button[value="envoyer"]')]);
    assert.match(await page.locator('.error-summary').innerText(), /Qui êtes-vous/);
    assert.equal(await page.inputValue('#f-texte'), 'Sans nom');
    await check('form errors');

    await page.fill('#f-nom', 'Lou');
    await Promise.all([page.waitForLoadState(), page.click('button[value="previsualiser"]')]);
    assert.match(await page.locator('.forum-preview').innerText(), /Sans nom/);
    await check('preview');

    advance(site, 5_000);
    await Promise.all([page.waitForURL(/\/forum\/merci/), page.click('button[value="envoyer"]')]);
    assert.match(await page.locator('.forum-thanks').innerText(), /en ligne/);
    await check('thanks');

    assert.equal(dialogs, 0);
    assert.deepEqual(failures, [], failures.join('\n'));
  });

  test('the moderation queue passes axe-core and shows hostile messages harmless', async () => {
    await site.relais.forum.post({ articleId: 1, parentId: null, authorName: 'Robot', email: 'r@exemple.fr', body: HOSTILE.join('\n\n'), notifyReplies: false }, { ip: '192.0.2.9', userId: null }, 'pri');
    const moderator = await addTestUser(site, 'moderator');
    const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await signInInBrowser(page, base, moderator);
    assert.equal((await page.goto(`${base}/ecrire/forum`))?.status(), 200);
    await page.locator('.moderation-item .forum-text b').first().hover();
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(await blockingViolations(page), []);
  });

  test('posts without JavaScript, the Enter key sending the message', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/article/${slug}`);
    advance(site, 5_000);
    await page.fill('#f-texte', 'Envoyé avec Entrée');
    await page.fill('#f-nom', 'Clavier');
    await Promise.all([page.waitForURL(/\/forum\/merci/), page.press('#f-nom', 'Enter')]);
    await page.goto(`${base}/article/${slug}`);
    assert.match(await page.locator('.forum').innerText(), /Envoyé avec Entrée/);
  });
});
