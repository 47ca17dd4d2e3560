import { absoluteLink } from './absolute-link.js';
import { canonicalLink } from './canonical-link.js';
import { collapseWhitespace } from './collapse-whitespace.js';
import { detectLanguage } from './detect-language.js';
import type { FeedEnclosure, FeedEntry } from '../parse/parsed-feed.js';
import type { EntrySource } from './entry-source.js';
import { htmlToText } from './html-to-text.js';
import { normalizeCategories } from './normalize-categories.js';
import { normalizeDates } from './normalize-dates.js';
import type { ItemEnclosure, NormalizedItem } from './normalized-item.js';
import { sha256Hex } from './sha256-hex.js';

/** When normalisation happens and how far ahead of it a date may lie. */
export interface NormalizeOptions {
  /** The time of normalisation; defaults to the current time. */
  readonly now?: Date;
  /** Clock difference tolerated before a future date is clamped; defaults to 10 minutes. */
  readonly futureSkewMs?: number;
}

const DEFAULT_SKEW_MS = 10 * 60 * 1000;

/**
 * Turns one parsed feed entry into the normalised item of the watch: links
 * made absolute (against the source's address) and canonical, title as
 * collapsed plain text, dates in UTC (see `normalizeDates`), summary and
 * content kept as given (the parser sanitised them), the plain text of the
 * content (else the summary), the language (the source's, else detected),
 * clean categories, enclosures with absolute addresses, and the SHA-256 of
 * the plain text. Pure: same entry, source and `now`, same item.
 *
 * @example
 * normalizeItem({ id: 'a1', title: ' Fête  du quartier ', content: '<p>Samedi&nbsp;!</p>' }, { id: 'src-1' });
 * // { sourceId: 'src-1', guid: 'a1', title: 'Fête du quartier', plainText: 'Samedi !', … }
 */
export function normalizeItem(entry: FeedEntry, source: EntrySource, options: NormalizeOptions = {}): NormalizedItem {
  const link = absoluteLink(text(entry.link), source.link);
  const canonical = canonicalLink(link);
  const title = collapseWhitespace(text(entry.title) ?? '');
  const summary = text(entry.summary);
  const content = text(entry.content);
  const plainText = htmlToText(content ?? summary ?? '');
  const dates = normalizeDates(
    text(entry.published),
    text(entry.updated),
    options.now ?? new Date(),
    options.futureSkewMs ?? DEFAULT_SKEW_MS,
  );
  const id = text(entry.id)?.trim();
  const author = collapseWhitespace(text(entry.author) ?? '');
  const language = primaryLanguage(source.language) ?? detectLanguage(`${title}\n${plainText}`);
  return Object.freeze({
    sourceId: source.id,
    // Without an id, the canonical link: a campaign tag added to the feed's links must not make every item new.
    guid: id || canonical || `sha256:${sha256Hex(`${title}\n${plainText}`)}`,
    link,
    canonicalLink: canonical,
    title,
    author: author === '' ? undefined : author,
    published: dates.published,
    updated: dates.updated,
    summary,
    content,
    plainText,
    language,
    categories: Object.freeze(normalizeCategories(entry.categories)),
    enclosures: Object.freeze(normalizeEnclosures(entry.enclosures, link ?? source.link)),
    contentHash: sha256Hex(plainText),
    datesClamped: dates.clamped,
  });
}

/** A string field, or `undefined` for anything else (entries come from JSON and may carry any type). */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The primary subtag of a declared language tag, lower-cased (`fr-FR` → `fr`); `undefined` if it is not one. */
function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$/.exec(tag ?? '')?.[1];
  return primary?.toLowerCase();
}

/** Enclosures with an absolute `http(s)` address (others dropped), a type if given and a whole, non-negative length. */
function normalizeEnclosures(enclosures: unknown, base: string | undefined): ItemEnclosure[] {
  const kept: ItemEnclosure[] = [];
  for (const enclosure of Array.isArray(enclosures) ? (enclosures as (FeedEnclosure | null)[]) : []) {
    const url = absoluteLink(text(enclosure?.url), base);
    if (url === undefined || enclosure === null) continue;
    const type = text(enclosure.type)?.trim().toLowerCase();
    const length = Number.isSafeInteger(enclosure.length) && enclosure.length! >= 0 ? enclosure.length : undefined;
    kept.push(Object.freeze({ url, type: type || undefined, length }));
  }
  return kept;
}
