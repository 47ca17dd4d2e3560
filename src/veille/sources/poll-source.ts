import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Keyring } from '../../secrets/keyring.js';
import { ADAPTERS, isAdapterKind, type AdapterKind } from '../adapters/adapters.js';
import type { SourceAdapter } from '../adapters/source-adapter.js';
import type { FetchResource } from '../fetch/create-guarded-fetch.js';
import { FetchError } from '../fetch/fetch-error.js';
import type { FetchResult } from '../fetch/fetch-result.js';
import { storableText } from '../items/storable-text.js';
import { recentPublicationDates } from '../items/store.js';
import { FEED_ACCEPT } from '../parse/feed-accept.js';
import { readFeed } from '../parse/parse-feed.js';
import { nextCheckDelay, RECENT_ITEMS, type PollBounds } from './next-check-delay.js';
import { deferNetwork, pollAdapterSource } from './poll-adapter-source.js';
import { readRssTtl } from './read-rss-ttl.js';
import { storeEntries } from './store-entries.js';
import { moveSource, recordSourcePoll, type SourceRow } from './store.js';

/** Errors in a row after which a source is paused until a user re-enables it. */
export const DEFAULT_ERROR_LIMIT = 10;

/** What polling needs, wired once in `main.ts`. */
export interface PollDeps {
  readonly db: Db;
  readonly fetchResource: FetchResource;
  readonly now: () => Date;
  readonly logger?: Pick<Logger, 'warn'>;
  readonly bounds?: PollBounds;
  readonly errorLimit?: number;
  /**
   * Hears the ids of the items a poll stored as new, after they are committed: the watches match
   * them (see `createWatchService`). Its failure is logged and never fails the poll.
   */
  readonly onItemsStored?: (itemIds: readonly number[]) => Promise<unknown>;
  /** Decrypts a social source's access token (`relais.keyring`); a source with a token fails without it. */
  readonly keyring?: Keyring;
  /** The social adapters by kind: `ADAPTERS` (the networks' real addresses) unless tests point them at local servers. */
  readonly adapters?: Readonly<Record<AdapterKind, SourceAdapter<unknown>>>;
}

/** What one poll did. */
export interface PollOutcome {
  readonly status: 'ok' | 'not-modified' | 'error';
  readonly newItems: number;
  readonly updatedItems: number;
  /** The French message recorded on the source, for an error. */
  readonly error?: string;
}

/** A document that is not a feed: a French message like the fetch errors'. */
class NotAFeedError extends Error {
  override readonly name = 'NotAFeedError';
  constructor(readonly detail: string) {
    super('Ce document n’est pas un flux RSS, Atom ou JSON Feed lisible.');
  }
}

/**
 * Polls one source. A social source goes through its kind's adapter (`pollAdapterSource`). A
 * feed gets a conditional request with its stored ETag and Last-Modified (a 304 means nothing
 * new), the feed read and each entry normalised and stored (see `storeEntries`; one bad item
 * never stops the batch), then the outcome recorded on the source row with its next check. A
 * permanent redirect moves the source to its new address. Never throws for the source's own
 * failures: they are data on its row, in French, with the back-off and any Retry-After or
 * X-RateLimit-Reset wait in its next check.
 */
export async function pollSource(deps: PollDeps, source: SourceRow): Promise<PollOutcome> {
  try {
    if (isAdapterKind(source.kind)) return await pollAdapterSource(deps, source, (deps.adapters ?? ADAPTERS)[source.kind]);
    return await pollFeed(deps, source);
  } catch (error) {
    return recordFailure(deps, source, error);
  }
}

async function pollFeed(deps: PollDeps, source: SourceRow): Promise<PollOutcome> {
  const fetched = await deps.fetchResource(source.url, {
    etag: source.etag ?? undefined, lastModified: source.last_modified ?? undefined, headers: { accept: FEED_ACCEPT },
  });
  if (fetched.permanentRedirect) await moveSource(deps.db.kysely, source.id, fetched.permanentRedirect);
  if (fetched.status === 'not-modified') {
    await recordSuccess(deps, source, fetched, 'not-modified', undefined);
    return { status: 'not-modified', newItems: 0, updatedItems: 0 };
  }
  const { format, parsed } = readFeed(Buffer.from(fetched.body), { url: fetched.url, contentType: fetched.contentType });
  if (format === undefined) throw new NotAFeedError(parsed.problems.join(' ') || 'format non reconnu');
  const now = deps.now();
  const entrySource = { id: String(source.id), link: fetched.url, ...(parsed.feed.language ? { language: parsed.feed.language } : {}) };
  const { newItems, updatedItems } = await storeEntries(deps, source.id, parsed.entries, entrySource, now);
  await recordSuccess(deps, source, fetched, 'ok', format === 'rss' ? readRssTtl(fetched.body) : undefined, {
    title: source.title || storableText(parsed.feed.title ?? ''),
    site_link: parsed.feed.link ?? source.site_link,
    items_seen: source.items_seen + newItems,
    last_error: parsed.problems.length > 0 ? parsed.problems.join(' ') : null,
    last_error_detail: null,
  });
  return { status: 'ok', newItems, updatedItems };
}

async function recordSuccess(
  deps: PollDeps, source: SourceRow, fetched: FetchResult, status: 'ok' | 'not-modified', ttlSeconds: number | undefined,
  extra: Parameters<typeof recordSourcePoll>[2] = { last_error: null, last_error_detail: null },
): Promise<void> {
  const now = deps.now();
  // The rhythm of the items stored so far, so a 304 keeps the interval the last feed gave.
  const publishedDates = await recentPublicationDates(deps.db.kysely, source.id, RECENT_ITEMS);
  const delay = nextCheckDelay({ now, publishedDates, ttlSeconds, caching: fetched.caching, errorCount: 0 }, deps.bounds);
  await recordSourcePoll(deps.db.kysely, source.id, {
    ...extra,
    etag: fetched.etag ?? (status === 'not-modified' ? source.etag : null),
    last_modified: fetched.lastModified ?? (status === 'not-modified' ? source.last_modified : null),
    last_checked_at: now.toISOString(),
    last_status: status,
    error_count: 0,
    next_check_at: new Date(now.getTime() + delay * 1000).toISOString(),
  });
}

async function recordFailure(deps: PollDeps, source: SourceRow, error: unknown): Promise<PollOutcome> {
  const now = deps.now();
  // Ours (the fetch's, an adapter's, a secret's, a config's): a French message and a detail without secrets.
  const known = error instanceof AppError || error instanceof NotAFeedError;
  const message = known ? error.message : 'Une erreur inattendue a empêché de lire cette source.';
  // The stack goes to the log only: the detail is shown in the back office.
  const detail = known ? detailOf(error) : error instanceof Error ? error.message : String(error);
  if (!known) deps.logger?.warn({ err: error, sourceId: source.id }, 'veille.fetch.failed');
  const retryAfterSeconds = error instanceof FetchError ? error.retryAfterSeconds : undefined;
  // A rate limit with its wait is the network pacing us, not the source failing: it never counts towards pausing it.
  const paced = error instanceof FetchError && error.httpStatus === 429 && retryAfterSeconds !== undefined;
  const errorCount = paced ? source.error_count : source.error_count + 1;
  const delay = nextCheckDelay({ now, publishedDates: [], errorCount: Math.max(errorCount, 1), retryAfterSeconds }, deps.bounds);
  const nextCheck = new Date(now.getTime() + delay * 1000);
  await recordSourcePoll(deps.db.kysely, source.id, {
    last_checked_at: now.toISOString(),
    last_status: 'error',
    last_error: message,
    last_error_detail: detail,
    error_count: errorCount,
    status: errorCount >= (deps.errorLimit ?? DEFAULT_ERROR_LIMIT) ? 'paused' : source.status,
    next_check_at: nextCheck.toISOString(),
  });
  if (paced && isAdapterKind(source.kind)) await deferNetwork(deps, source, nextCheck);
  return { status: 'error', newItems: 0, updatedItems: 0, error: message };
}

function detailOf(error: AppError | NotAFeedError): string {
  const detail = (error as { detail?: unknown }).detail;
  return typeof detail === 'string' ? detail : error instanceof AppError ? error.code : '';
}
