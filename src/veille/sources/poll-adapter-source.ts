import type { FetchResource } from '../fetch/create-guarded-fetch.js';
import type { RateLimitHints } from '../fetch/parse-rate-limit-hints.js';
import type { SourceAdapter } from '../adapters/source-adapter.js';
import { storableText } from '../items/storable-text.js';
import { recentPublicationDates } from '../items/store.js';
import { nextCheckDelay, RECENT_ITEMS } from './next-check-delay.js';
import type { PollDeps, PollOutcome } from './poll-source.js';
import { InvalidSourceConfigError, readAdapterInput, readAdapterState } from './read-adapter-input.js';
import { storeEntries } from './store-entries.js';
import { deferNetworkSources, recordSourcePoll, type SourceRow } from './store.js';

/**
 * Polls a social source through its adapter (see `SourceAdapter`): the stored config checked
 * again (with its token decrypted), the network asked for what is new since the stored state,
 * each entry stored through the feeds' pipeline with its declared language, then the new state
 * and the outcome recorded with the next check. That check comes sooner when the adapter says
 * more is waiting, and no sooner than the network's reset when its answer said the rate limit
 * is spent (X-RateLimit-Remaining: 0) — for every source of that network (`deferNetwork`).
 * Failures are thrown for `pollSource` to record.
 */
export async function pollAdapterSource(deps: PollDeps, source: SourceRow, adapter: SourceAdapter<unknown>): Promise<PollOutcome> {
  const check = adapter.validate(readAdapterInput(source, deps.keyring));
  if (!check.ok) throw new InvalidSourceConfigError(Object.entries(check.errors).map(([field, message]) => `${field} : ${message}`).join(' ; '));
  let rateLimit: RateLimitHints | undefined;
  // Every answer the adapter gets goes by here: the last one says how much of the rate limit is left.
  const fetchResource: FetchResource = async (url, request) => {
    const result = await deps.fetchResource(url, request);
    rateLimit = result.rateLimit;
    return result;
  };
  const result = await adapter.fetch(check.config, readAdapterState(source.adapter_state), { fetchResource });
  const now = deps.now();
  const counts = await storeEntries(deps, source.id, result.entries, { id: String(source.id) }, now);
  const publishedDates = await recentPublicationDates(deps.db.kysely, source.id, RECENT_ITEMS);
  const spentWait = rateLimit?.remaining === 0 ? rateLimit.resetSeconds : undefined;
  const delay = nextCheckDelay({ now, publishedDates, errorCount: 0, soonerSeconds: result.nextCheckHint, retryAfterSeconds: spentWait }, deps.bounds);
  const status = result.entries.length > 0 ? 'ok' : 'not-modified';
  const nextCheck = new Date(now.getTime() + delay * 1000);
  await recordSourcePoll(deps.db.kysely, source.id, {
    title: source.title || storableText(adapter.describe(check.config)),
    adapter_state: JSON.stringify(result.state),
    items_seen: source.items_seen + counts.newItems,
    last_checked_at: now.toISOString(),
    last_status: status,
    last_error: result.problems.length > 0 ? storableText(result.problems.join(' ')) : null,
    last_error_detail: null,
    error_count: 0,
    next_check_at: nextCheck.toISOString(),
  });
  if (spentWait !== undefined) await deferNetwork(deps, source, nextCheck);
  return { status, ...counts };
}

/**
 * The network's rate limit is spent (a 429 with its wait, or `X-RateLimit-Remaining: 0`): the
 * other sources read from it (same kind, same origin) wait until `until` too.
 */
export async function deferNetwork(deps: Pick<PollDeps, 'db'>, source: Pick<SourceRow, 'kind' | 'url'>, until: Date): Promise<void> {
  await deferNetworkSources(deps.db.kysely, source.kind, `${new URL(source.url).origin}/`, until);
}
