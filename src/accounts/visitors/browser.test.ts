import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { blockingViolations } from '../../test-support/blocking-violations.js';
import { startMailingTestSite, type MailingTestSite } from '../../test-support/mailing-test-site.js';
import { serveForBrowser } from '../../test-support/serve-for-browser.js';
import { addTestUser, buildArticle, type TestSite } from '../../test-support/test-site.js';
import { readSiteSettings } from '../../site/settings-store.js';
import { saveSiteSettings } from '../../site/save-site-settings.js';

// In Chromium, on SQLite only (the pages are the same bytes on PostgreSQL): every visitor page
// passes axe-core, and the forms work with JavaScript off.

describe('visitor pages in Chromium', () => {
  let site: TestSite;
  let browser: Browser;
  let base: string;
  let slug: string;
  let mailing: MailingTestSite;

  before(async () => {
    mailing = await startMailingTestSite('sqlite');
    site = mailing.site;
    const settings = await readSiteSettings(site.relais.db.kysely);
    await saveSiteSettings(site.relais.db, null, { ...settings, visitorSignup: 'oui' }, site.relais.now());
    const article = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Budget participatif' }));
    slug = article.slug;
    await site.relais.forum.setArticleMode({ userId: null }, article.id, 'abo');
    ({ base, browser } = await serveForBrowser(site));
  });
  after(async () => {
    await browser?.close();
    await mailing?.close();
  });

  test('sign-in, sign-up, password choice and the members-only forum pass axe-core', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const failures: string[] = [];
    const check = async (name: string, at: Page = page) => {
      for (const v of await blockingViolations(at)) failures.push(`${name} : ${v}`);
    };
    const submit = (at: Page, selector: string) => Promise.all([at.waitForLoadState('load'), at.waitForNavigation(), at.click(selector)]);

    // The anonymous notice leads to the sign-in page, which comes back to the forum.
    await page.goto(`${base}/article/${slug}`);
    await check('article, anonymous');
    await Promise.all([page.waitForNavigation(), page.click('.forum-login a[href^="/connexion"]')]);
    assert.equal(new URL(page.url()).pathname, '/connexion');
    await check('sign-in');
    const visitor = await addTestUser(site, 'visitor');
    await page.fill('#f-email', visitor.email);
    await page.fill('#f-password', 'pas le bon');
    await submit(page, 'form[action="/connexion"] button[type="submit"]');
    assert.match(await page.textContent('.error-summary') ?? '', /incorrect/);
    await check('sign-in, wrong password');
    await page.fill('#f-password', visitor.password);
    await submit(page, 'form[action="/connexion"] button[type="submit"]');
    assert.equal(new URL(page.url()).pathname, `/article/${slug}`);
    assert.equal(await page.locator('.forum-form textarea[name="texte"]').count(), 1, 'the form, for a signed-in visitor');
    await check('article, signed-in visitor');

    // Signed out in another tab while typing: the text comes back with the notice.
    const other = await context.newPage();
    await other.goto(`${base}/`);
    await Promise.all([other.waitForNavigation(), other.click('.visitor-bar button')]);
    await page.fill('#f-texte', 'Texte écrit pendant que la session se fermait.');
    site.setNow(new Date(site.relais.now().getTime() + 5000));
    await submit(page, '.forum-form button[value="envoyer"]');
    assert.equal(await page.inputValue('#f-texte'), 'Texte écrit pendant que la session se fermait.');
    await check('anonymous post, text kept');
    // As the notice says: sign in again in another tab, come back, send the same text.
    await other.goto(`${base}/connexion`);
    await other.fill('#f-email', visitor.email);
    await other.fill('#f-password', visitor.password);
    await submit(other, 'form[action="/connexion"] button[type="submit"]');
    site.setNow(new Date(site.relais.now().getTime() + 5000));
    await submit(page, '.forum-form button[value="envoyer"]');
    assert.equal(new URL(page.url()).pathname, '/forum/merci');
    const kept = await site.relais.db.kysely.selectFrom('forum_contributions').select('user_id')
      .where('body', '=', 'Texte écrit pendant que la session se fermait.').executeTakeFirst();
    assert.equal(kept?.user_id, visitor.id);

    await Promise.all([page.waitForNavigation(), page.click('.visitor-bar button')]);
    await page.goto(`${base}/inscription`);
    await check('sign-up');
    await submit(page, 'form[action="/inscription"] button[type="submit"]');
    await check('sign-up with errors');
    await page.fill('#f-name', 'Léa Dupont');
    await page.fill('#f-email', 'lea@exemple.test');
    await submit(page, 'form[action="/inscription"] button[type="submit"]');
    assert.match(await page.textContent('main') ?? '', /Vérifiez votre messagerie/);
    await check('sign-up sent');

    const outcome = await site.relais.visitors.requestSignup({ email: 'marc@exemple.test', name: 'Marc' });
    assert.equal(outcome.kind, 'link');
    await page.goto(`${base}/compte/activer?jeton=${outcome.kind === 'link' ? outcome.link.token : ''}`);
    await check('choose a password');
    await page.fill('#f-password', 'une phrase de passe solide');
    await submit(page, 'form[action="/compte/activer"] button[type="submit"]');
    assert.equal(new URL(page.url()).pathname, '/connexion');
    await check('account activated');
    await page.goto(`${base}/compte/activer?jeton=inconnu`);
    await check('expired link');

    await context.close();
    assert.deepEqual(failures, []);
  });

  test('with JavaScript off, a visitor signs in from the forum notice, comes back and posts under the account name', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
    const page = await context.newPage();
    const visitor = await addTestUser(site, 'visitor');
    await page.goto(`${base}/article/${slug}`);
    await Promise.all([page.waitForNavigation(), page.click('.forum-login a[href^="/connexion"]')]);
    await page.fill('#f-email', visitor.email);
    await page.fill('#f-password', visitor.password);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/connexion"] button[type="submit"]')]);
    assert.equal(new URL(page.url()).pathname, `/article/${slug}`);
    await page.fill('#f-texte', 'Message envoyé sans JavaScript.');
    site.setNow(new Date(site.relais.now().getTime() + 5000));
    await Promise.all([page.waitForNavigation(), page.click('.forum-form button[value="envoyer"]')]);
    assert.equal(new URL(page.url()).pathname, '/forum/merci');
    const [stored] = await site.relais.db.kysely.selectFrom('forum_contributions').select(['author_name', 'user_id'])
      .where('body', '=', 'Message envoyé sans JavaScript.').execute();
    assert.deepEqual([stored?.author_name, stored?.user_id], [visitor.email.split('@')[0], visitor.id]);
    await context.close();
  });
});
