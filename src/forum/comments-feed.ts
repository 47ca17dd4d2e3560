import { Feed } from 'feed';
import type { Translate } from '../i18n/translate.js';
import type { SiteSettings } from '../site/settings-store.js';
import { renderContributionText } from './render-contribution.js';
import type { QueuedContribution } from './store.js';

/** What a comments feed is made of: published contributions only, newest first. */
export interface CommentsFeedInput {
  readonly settings: SiteSettings;
  readonly t: Translate;
  readonly publicUrl: string;
  /** Undefined for the whole site's comments. */
  readonly article?: { readonly slug: string; readonly title: string };
  readonly contributions: readonly QueuedContribution[];
}

/**
 * The RSS 2.0 feed of a forum (one article's, or the whole site's): each published message with
 * its author's name (never the e-mail), its date and its text rendered like on the page.
 */
export function buildCommentsFeed(input: CommentsFeedInput): string {
  const { settings, t, publicUrl, article } = input;
  const home = article ? `${publicUrl}/article/${article.slug}` : publicUrl;
  const self = article ? `${home}/forum.xml` : `${publicUrl}/forum.xml`;
  const newest = input.contributions[0]?.createdAt;
  const feed = new Feed({
    id: self,
    link: article ? `${home}#forum` : `${home}/`,
    title: `${article ? t('forum.feedArticle', { title: article.title }) : t('forum.feedSite')} — ${settings.siteName}`,
    description: settings.tagline || settings.siteName,
    language: settings.language,
    updated: newest ? new Date(newest) : new Date(0),
    generator: 'Relais',
    copyright: `© ${settings.siteName}`,
    feedLinks: { rss: self },
  });
  for (const c of input.contributions) {
    const link = `${publicUrl}/article/${c.articleSlug}#message${c.id}`;
    feed.addItem({
      title: t('forum.feedItem', { author: c.authorName, title: c.articleTitle }),
      id: link,
      link,
      date: new Date(c.createdAt),
      content: renderContributionText(c),
      author: [{ name: c.authorName }],
    });
  }
  return feed.rss2();
}
