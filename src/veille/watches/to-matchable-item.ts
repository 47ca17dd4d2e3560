import type { MatchableItem } from '../match/matchable-item.js';
import type { ItemToMatch } from './match-store.js';

/** What the matching engine reads of a stored item: `site` is its link's host, `source` its source's name and kind. */
export function toMatchableItem(item: ItemToMatch): MatchableItem {
  const site = siteOf(item.link);
  return {
    title: item.title,
    text: item.plainText,
    ...(item.author ? { author: item.author } : {}),
    ...(item.language ? { lang: item.language } : {}),
    ...(site ? { site } : {}),
    source: [item.sourceTitle, item.sourceKind],
  };
}

function siteOf(link: string | null): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link).hostname || undefined;
  } catch {
    return undefined;
  }
}
