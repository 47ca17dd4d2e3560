import type { Relais } from '../../main.js';
import { findArticleBySlug, countPublicArticles } from '../store.js';
import { readSetting, writeSiteSettings } from '../../site/settings-store.js';
import { bumpSiteVersion } from '../../site/site-version.js';
import { DEMO_ARTICLES, DEMO_SECTIONS, DEMO_SITE } from './demo-content.js';
import { FOOTER_PAGES } from './footer-pages.js';
import { resolveDemoLinks } from './resolve-demo-links.js';
import { addDemoIllustrations, withBodyImage } from './demo-illustrations.js';

const CLI_ACTOR = { userId: null };
const FAR_FUTURE = new Date('9999-12-31T23:59:59Z');

/** Creates the accessibility statement, legal notice and privacy pages when missing. */
export async function ensureFooterPages(relais: Relais): Promise<void> {
  for (const page of FOOTER_PAGES) {
    if (await findArticleBySlug(relais.db.kysely, page.slug)) continue;
    await relais.blog.createArticle(CLI_ACTOR, {
      title: page.title, slug: page.slug, sectionId: null, lead: '', body: page.body, credits: '',
      status: 'published', publishedAt: relais.now(),
    }, 'page');
  }
}

/**
 * Loads the demo sections and articles into a site that has none yet, and names the site after the
 * demo commune if nobody has named it; returns how many articles it added.
 */
export async function loadDemoContent(relais: Relais): Promise<number> {
  // Year 9999, not the largest Date: dates are compared as ISO strings, and `+275760-…` sorts first.
  if (await countPublicArticles(relais.db.kysely, { now: FAR_FUTURE }) > 0) return 0;
  if (await readSetting(relais.db.kysely, 'site.name') === undefined) {
    await relais.db.kysely.transaction().execute(async (trx) => {
      await writeSiteSettings(trx, DEMO_SITE);
      await bumpSiteVersion(trx);
    });
  }
  const sectionIds = new Map<string, number>();
  for (const section of DEMO_SECTIONS) {
    const created = await relais.blog.createSection(CLI_ACTOR, { title: section.title, parentId: null, description: section.description });
    sectionIds.set(section.key, created.id);
  }
  const media = await addDemoIllustrations(relais);
  const today = relais.now().getTime();
  const articleIds = new Map<string, number>();
  for (const article of DEMO_ARTICLES) {
    const created = await relais.blog.createArticle(CLI_ACTOR, {
      title: article.title, slug: undefined, sectionId: sectionIds.get(article.section) ?? null, lead: article.lead,
      body: withBodyImage(resolveDemoLinks(article.body, articleIds), media.body.get(article.key)), credits: article.credits, status: 'published',
      publishedAt: new Date(today - article.daysAgo * 86400_000), logoMediaId: media.logo.get(article.key) ?? null,
    });
    articleIds.set(article.key, created.id);
  }
  return DEMO_ARTICLES.length;
}
