import type { Relais } from '../../main.js';
import { findArticleBySlug, countPublicArticles } from '../store.js';
import { DEMO_ARTICLES, DEMO_SECTIONS } from './demo-content.js';
import { FOOTER_PAGES } from './footer-pages.js';

const CLI_ACTOR = { userId: null };

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

/** Loads the demo sections and articles into a site that has none yet; returns how many articles it added. */
export async function loadDemoContent(relais: Relais): Promise<number> {
  if (await countPublicArticles(relais.db.kysely, { now: new Date(8.64e15) }) > 0) return 0;
  const sectionIds = new Map<string, number>();
  for (const section of DEMO_SECTIONS) {
    const created = await relais.blog.createSection(CLI_ACTOR, { title: section.title, parentId: null, description: section.description });
    sectionIds.set(section.key, created.id);
  }
  const today = relais.now().getTime();
  for (const article of DEMO_ARTICLES) {
    await relais.blog.createArticle(CLI_ACTOR, {
      title: article.title, slug: undefined, sectionId: sectionIds.get(article.section) ?? null, lead: article.lead,
      body: article.body, credits: article.credits, status: 'published', publishedAt: new Date(today - article.daysAgo * 86400_000),
    });
  }
  return DEMO_ARTICLES.length;
}
