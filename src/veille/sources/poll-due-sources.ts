import { defineJob } from '../../jobs/job.js';
import { claimDueSources } from './store.js';
import { pollSource, type PollDeps } from './poll-source.js';

/** Every minute: polls the sources that are due (several workers share them without overlap). */
export const PollDueSourcesJob = defineJob<Record<string, never>>('veille.poll-due-sources');

/** How often `PollDueSourcesJob` runs. */
export const POLL_DUE_SOURCES_INTERVAL_SECONDS = 60;

/** Sources claimed at a time; the guarded fetch's own limits pace the requests. */
const BATCH = 32;

/** How long a claim holds before another poller may take a source whose poller died. */
/** How long a claimed source stays held, should its poller die before recording the outcome. */
export const LEASE_MS = 10 * 60 * 1000;

/** Totals of one round over the due sources. */
export interface PollSummary {
  readonly polled: number;
  readonly newItems: number;
  readonly unchanged: number;
  readonly errors: number;
}

/**
 * Claims the sources due at the start of the round, batch after batch (see `claimDueSources`),
 * and polls each once: a polled source's next check lies at least the minimum interval after
 * its poll, so it is not due again within the round.
 */
export async function pollDueSources(deps: PollDeps): Promise<PollSummary> {
  const roundStart = deps.now();
  let polled = 0;
  let newItems = 0;
  let unchanged = 0;
  let errors = 0;
  for (;;) {
    const claimed = await claimDueSources(deps.db, roundStart, new Date(deps.now().getTime() + LEASE_MS), BATCH);
    if (claimed.length === 0) break;
    const outcomes = await Promise.all(claimed.map((source) => pollSource(deps, source)));
    polled += claimed.length;
    for (const outcome of outcomes) {
      newItems += outcome.newItems;
      if (outcome.status === 'error') errors++;
      else if (outcome.newItems === 0 && outcome.updatedItems === 0) unchanged++;
    }
  }
  return { polled, newItems, unchanged, errors };
}
