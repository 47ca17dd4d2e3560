import type { Article } from '../../blog/article.js';
import { excerpt, plainText } from '../../blog/excerpt.js';
import type { PageRow } from '../pages/page-store.js';
import { campaignLink } from './campaign-link.js';
import { stripEmoji } from './strip-emoji.js';

/** A variant's content as its page's template makes it. */
export interface DraftText {
  readonly text: string;
  /** The link (with campaign tags when the page wants them), also given to link cards. */
  readonly link: string | null;
  readonly linkTitle: string | null;
  readonly linkDescription: string | null;
}

/** The parts of a page's template the draft uses. */
export type DraftTemplate = Pick<PageRow, 'network' | 'use_title' | 'use_lead' | 'use_link' | 'opening_line' | 'hashtags' | 'emoji_allowed' | 'utm_tags'>;

/** `fête musique #Jeunesse` → `#fête #musique #Jeunesse`. */
export function normalizeHashtags(hashtags: string): string {
  return hashtags.split(/[\s,]+/).map((tag) => tag.replace(/^#+/, '')).filter(Boolean).map((tag) => `#${tag}`).join(' ');
}

/**
 * Drafts one page's post from an article with the page's tone template: its opening line, the
 * title, the lead (the chapô, else the start of the body), the link (with campaign tags) and
 * hashtags, in paragraphs; emoji removed when the page does not allow them. When the whole is
 * longer than the network allows (`count` counts as the network does), the lead is shortened
 * first; what is still too long stays so, and the composer blocks it until edited.
 *
 * @example
 * draftText(article, page, 'https://ville.fr', adapter.countLength, adapter.limits().maxLength)
 */
export function draftText(article: Pick<Article, 'title' | 'lead' | 'body' | 'slug'>, page: DraftTemplate, publicUrl: string, count: (text: string) => number, maxLength: number): DraftText {
  const clean = (text: string) => (page.emoji_allowed ? text : stripEmoji(text)).trim();
  const articleUrl = new URL(`/article/${encodeURIComponent(article.slug)}`, publicUrl).href;
  const link = page.use_link ? (page.utm_tags ? campaignLink(articleUrl, page.network, article.slug) : articleUrl) : null;
  const leadSource = plainText(article.lead) || plainText(article.body);
  const compose = (lead: string) => [
    clean(page.opening_line),
    page.use_title ? clean(plainText(article.title)) : '',
    page.use_lead ? clean(lead) : '',
    link ?? '',
    clean(normalizeHashtags(page.hashtags)),
  ].filter((part) => part !== '').join('\n\n');

  const shortLead = (max: number) => excerpt(leadSource, max).replace(/ \(\.\.\.\)$/, '…');
  let text = compose(shortLead(500));
  // Shorten the lead by steps until the post fits (or the lead is gone).
  for (let max = Math.min(leadSource.length, 500) - 20; count(text) > maxLength && page.use_lead && max > 20; max -= 20) {
    text = compose(shortLead(max));
  }
  return Object.freeze({
    text,
    link,
    linkTitle: page.use_link ? plainText(article.title) : null,
    linkDescription: page.use_link ? excerpt(leadSource, 300) : null,
  });
}
