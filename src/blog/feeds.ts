import { Feed } from 'feed';
import type { SiteSettings } from '../site/settings-store.js';
import type { Article, Section } from './article.js';
import type { RenderedText } from './article-text.js';
import { excerpt, plainText } from './excerpt.js';
import { logoOf } from './article-logo.js';
import { imageSources } from '../media/image-sources.js';
import type { MediaItem } from '../media/media-item.js';

export interface FeedInput {
  readonly settings: SiteSettings;
  readonly publicUrl: string;
  /** Undefined for the whole site's feed. */
  readonly section?: Section;
  readonly articles: readonly Article[];
  readonly render: (text: string) => RenderedText;
  /** The articles' illustrations by media id: each becomes its item's enclosure. */
  readonly media: ReadonlyMap<number, MediaItem>;
}

/** An illustration as an enclosure (RSS 2.0 `<enclosure>`, Atom `link rel="enclosure"`): its web size, absolute. */
function enclosureOf(logo: MediaItem | undefined, publicUrl: string) {
  if (!logo) return undefined;
  const src = imageSources(logo, publicUrl).src;
  const variant = logo.variants.find((v) => src.endsWith(v.key));
  return { url: src, type: logo.mime, length: variant?.bytes ?? logo.byteSize };
}

/** Builds the site's (or a section's) feed; `rss2()` and `atom1()` give RSS 2.0 and Atom 1.0. */
export function buildFeed(input: FeedInput): Feed {
  const { settings, publicUrl, section } = input;
  const base = section ? `${publicUrl}/rubrique/${section.slug}` : publicUrl;
  const newest = input.articles[0]?.publishedAt;
  const feed = new Feed({
    id: `${base}/`,
    link: `${base}${section ? '' : '/'}`,
    title: section ? `${section.title} — ${settings.siteName}` : settings.siteName,
    description: section?.description || settings.tagline || settings.siteName,
    language: settings.language,
    updated: newest ? new Date(newest) : new Date(0),
    generator: 'Relais',
    author: { name: settings.siteName, link: publicUrl },
    copyright: `© ${settings.siteName}`,
    feedLinks: { rss: `${base}/feed.xml`, atom: `${base}/atom.xml` },
  });
  for (const article of input.articles) {
    const link = `${publicUrl}/article/${article.slug}`;
    const lead = input.render(article.lead).html;
    feed.addItem({
      title: article.title,
      id: `${publicUrl}/article/${article.id}`,
      link,
      date: new Date(article.updatedAt > article.publishedAt! ? article.updatedAt : article.publishedAt!),
      published: new Date(article.publishedAt!),
      description: excerpt(plainText(article.lead || article.body), 300),
      content: lead + input.render(article.body).html,
      author: [{ name: settings.siteName }],
      image: enclosureOf(logoOf(article, input.media), publicUrl),
    });
  }
  return feed;
}
