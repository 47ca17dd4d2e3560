import type { Db } from '../../db/database.js';
import { readSiteSettings } from '../../site/settings-store.js';
import type { ChannelAdapter, ChannelCredentials, PublishedPost } from '../channels/channel-adapter.js';
import { ChannelError } from '../channels/channel-error.js';
import { openCredentials, sealCredentials } from '../pages/page-credentials.js';
import { getPage, recordPageHealth, type PageRow } from '../pages/page-store.js';
import type { VariantMediaLoader } from './load-variant-media.js';
import { createAttemptRecorder, type RecordAttempt } from './attempt-recorder.js';
import { claimDueVariants, listClaimHolders, releaseClaimsOf, type AttemptOutcome, type AttemptRecord, type ClaimedVariant } from './outbox-store.js';
import { MAX_ATTEMPTS, retryDelaySeconds } from './retry-delay.js';
import { isGoneWorker, newWorkerIdentity } from './worker-identity.js';
import type { ChannelCallDeps } from '../channel-call-deps.js';

/** What the outbox needs; `adapters` maps a page's network to its adapter. */
export interface OutboxDeps extends ChannelCallDeps {
  readonly db: Db;
  /** `claimed_by` of this run; a fresh one by default. */
  readonly worker?: string;
  /** Variants claimed at a time (default 32). */
  readonly batchSize?: number;
  /** Reads a variant's images (`media_ids`); without it, posts go out without images. */
  readonly loadMedia?: VariantMediaLoader;
}

/** How long a claim holds: far longer than a publication's requests (guarded fetch: 30 s each). */
export const LEASE_MS = 10 * 60 * 1000;
/** A claim this close to its end is not used to send: another worker may take the variant over. */
const SEND_MARGIN_MS = 2 * 60 * 1000;

/** A round's dependencies: the outbox's, and the language posts are written in (the site's, as its articles'). */
type RoundDeps = OutboxDeps & { readonly language: string };

/** One variant's outcome in a round, for `relais relay run` and the log. */
export interface VariantOutcome {
  readonly variantId: number;
  readonly page: string;
  readonly outcome: 'published' | 'found' | 'retry' | 'failed' | 'lost-claim';
  /** The post's address, or the reason in French. */
  readonly detail: string;
}

/**
 * Publishes every variant due at the start of the round, exactly once: claimed in batches
 * (`claimDueVariants`), each sent with its idempotency key; a variant whose earlier attempt
 * may have reached the network (crash after sending, time-out) is first looked for among the
 * account's recent posts (`findRecentPost`), and only sent when absent. Outcomes are recorded
 * in a transaction, if the claim is still ours, with the credentials the network renewed meanwhile
 * (sealed again on the page: X's rotated refresh token, a new Bluesky session). Safe to run in
 * several processes at once.
 */
export async function publishDueVariants(deps: OutboxDeps): Promise<VariantOutcome[]> {
  const worker = deps.worker ?? newWorkerIdentity();
  const gone = (await listClaimHolders(deps.db.kysely)).filter(isGoneWorker);
  if (gone.length > 0) {
    const released = await releaseClaimsOf(deps.db.kysely, gone, deps.now());
    deps.logger.warn({ workers: gone, released }, 'relay.outbox.claims_released');
  }
  const roundStart = deps.now();
  const round: RoundDeps = { ...deps, language: (await readSiteSettings(deps.db.kysely)).language || 'fr' };
  const pages = new Map<number, Promise<PageRow | undefined>>();
  const pageOf = (id: number) => {
    if (!pages.has(id)) pages.set(id, getPage(deps.db.kysely, id));
    return pages.get(id)!;
  };
  const outcomes: VariantOutcome[] = [];
  // A page's health is written once per round: its latest outcome (not once per post).
  const health: PageHealth = new Map();
  const record = createAttemptRecorder(deps.db.kysely, deps.now);
  for (;;) {
    const claimed = await claimDueVariants(deps.db, worker, roundStart, new Date(deps.now().getTime() + LEASE_MS), deps.batchSize ?? 32);
    if (claimed.length === 0) break;
    const run = (variants: readonly ClaimedVariant[]) => Promise.all(variants.map(async (v) => publishClaimed(round, v, await pageOf(v.page_id), health, record)));
    // Look-ups first: a post found among the latest ones must not be pushed back by this batch's new posts.
    outcomes.push(...await run(claimed.filter((v) => v.check_first === 1)), ...await run(claimed.filter((v) => v.check_first !== 1)));
  }
  for (const [pageId, outcome] of health) await recordPageHealth(deps.db.kysely, pageId, outcome, deps.now());
  return outcomes;
}

type PageHealth = Map<number, { readonly ok: true } | { readonly ok: false; readonly error: string }>;

async function publishClaimed(deps: RoundDeps, variant: ClaimedVariant, page: PageRow | undefined, health: PageHealth, record: RecordAttempt): Promise<VariantOutcome> {
  const pageName = page?.name ?? `page ${variant.page_id}`;
  const adapter = page ? deps.adapters[page.network] : undefined;
  let outcome: AttemptOutcome;
  let credentials: AttemptRecord['credentials'];
  if (!page || !adapter) {
    outcome = { kind: 'failed', outcome: 'rejected', reason: 'Ce réseau n’est pas pris en charge par cette installation de Relais.' };
  } else if (!page.active) {
    outcome = { kind: 'failed', outcome: 'rejected', reason: `La page « ${page.name} » est désactivée : réactivez-la, puis relancez la publication.` };
  } else if (deps.now().getTime() > Date.parse(variant.claimed_until) - SEND_MARGIN_MS) {
    // Too late to send safely under this claim: put it back, still to be looked for if it was.
    outcome = { kind: 'retry', at: deps.now().toISOString(), reason: '', unknownOutcome: variant.check_first === 1, outcome: 'released' };
  } else {
    const tried = await attempt(deps, adapter, variant, page);
    outcome = tried.outcome;
    if (tried.renewed) credentials = { pageId: page.id, from: page.credentials, to: sealCredentials(tried.renewed, deps.keyring).stored };
  }
  const recorded = await record({ variant, outcome, ...(credentials && { credentials }) });
  if (!recorded) {
    deps.logger.warn({ variantId: variant.id, attempt: variant.attempts }, 'relay.outbox.claim_lost');
    return { variantId: variant.id, page: pageName, outcome: 'lost-claim', detail: 'Reprise par un autre processus.' };
  }
  if (page && outcome.kind !== 'retry') health.set(page.id, outcome.kind === 'published' ? { ok: true } : { ok: false, error: outcome.reason });
  switch (outcome.kind) {
    case 'published':
      deps.logger.info({ variantId: variant.id, page: page?.id, remoteId: outcome.remoteId, found: outcome.found }, 'relay.outbox.published');
      return { variantId: variant.id, page: pageName, outcome: outcome.found ? 'found' : 'published', detail: outcome.url ?? outcome.remoteId };
    case 'retry':
      return { variantId: variant.id, page: pageName, outcome: 'retry', detail: outcome.reason };
    case 'failed':
      deps.logger.warn({ variantId: variant.id, page: page?.id, outcome: outcome.outcome }, 'relay.outbox.failed');
      return { variantId: variant.id, page: pageName, outcome: 'failed', detail: outcome.reason };
    default: {
      const unknown: never = outcome;
      return unknown;
    }
  }
}

/** An attempt's outcome, and the credentials the network renewed on the way (to store). */
interface Attempted {
  readonly outcome: AttemptOutcome;
  readonly renewed?: ChannelCredentials;
}

/** Looks first when the previous outcome is unknown, then sends; maps every failure to an outcome. */
async function attempt(deps: RoundDeps, adapter: ChannelAdapter, variant: ClaimedVariant, page: PageRow): Promise<Attempted> {
  let credentials: ChannelCredentials;
  try {
    credentials = openCredentials(page.credentials, deps.keyring);
  } catch (error) {
    deps.logger.error({ err: error, page: page.id }, 'relay.outbox.credentials_unreadable');
    return { outcome: { kind: 'failed', outcome: 'auth', reason: `Les identifiants de la page « ${page.name} » sont illisibles : enregistrez à nouveau son jeton.` } };
  }
  try {
    if (variant.check_first === 1) {
      const found = await adapter.findRecentPost(variant.text, credentials, { fetch: deps.fetch });
      if (found) return published(found, true);
    }
    const mediaIds = JSON.parse(variant.media_ids) as number[];
    const media = mediaIds.length > 0 && deps.loadMedia ? (await deps.loadMedia(mediaIds)).slice(0, adapter.limits().maxMedia) : [];
    const post = await adapter.publish({
      text: variant.text,
      ...(media.length > 0 && { media }),
      ...(variant.link !== null && { link: variant.link }),
      ...(variant.link_title !== null && { linkTitle: variant.link_title }),
      ...(variant.link_description !== null && { linkDescription: variant.link_description }),
      visibility: 'public',
      language: deps.language,
    }, credentials, { idempotencyKey: variant.idempotency_key, fetch: deps.fetch });
    return published(post, false);
  } catch (error) {
    const renewed = error instanceof ChannelError ? error.refreshedCredentials : undefined;
    return { outcome: failure(deps, variant, error), ...(renewed && { renewed }) };
  }
}

function published(post: PublishedPost, found: boolean): Attempted {
  return { outcome: { kind: 'published', remoteId: post.remoteId, url: post.url, found }, ...(post.refreshedCredentials && { renewed: post.refreshedCredentials }) };
}

function failure(deps: OutboxDeps, variant: ClaimedVariant, error: unknown): AttemptOutcome {
  const now = deps.now().getTime();
  const later = (kind: Parameters<typeof retryDelaySeconds>[0]) => new Date(now + retryDelaySeconds(kind, variant.attempts) * 1000).toISOString();
  if (!(error instanceof ChannelError)) {
    // Anything unexpected may have happened after the request left: treat it as unknown.
    deps.logger.error({ err: error, variantId: variant.id }, 'relay.outbox.unexpected_error');
    if (variant.attempts >= MAX_ATTEMPTS) return { kind: 'failed', outcome: 'error', reason: 'La publication a échoué plusieurs fois à cause d’une erreur interne ; consultez le journal du serveur.' };
    return { kind: 'retry', at: later('error'), unknownOutcome: true, outcome: 'error', reason: 'Erreur interne pendant l’envoi ; nouvel essai prévu.' };
  }
  deps.logger.warn({ variantId: variant.id, kind: error.kind, httpStatus: error.httpStatus, detail: error.detail }, 'relay.outbox.attempt_failed');
  switch (error.kind) {
    case 'auth':
    case 'rejected':
      return { kind: 'failed', outcome: error.kind, reason: error.message };
    case 'rate_limited': {
      // The network's reset time, even just past (the window turned while we read its answer); a back-off when it gave none.
      const hinted = error.retryAt === undefined ? Number.NaN : Date.parse(error.retryAt);
      const retryAt = Number.isNaN(hinted) ? later('rate_limited') : new Date(Math.max(hinted, now + 1000)).toISOString();
      return { kind: 'retry', at: retryAt, unknownOutcome: false, outcome: 'rate_limited', reason: error.message };
    }
    case 'unavailable':
    case 'unknown_outcome':
      if (variant.attempts >= MAX_ATTEMPTS) {
        return { kind: 'failed', outcome: error.kind, reason: `${error.message} (${MAX_ATTEMPTS} tentatives sans succès : relancez plus tard.)` };
      }
      return { kind: 'retry', at: later(error.kind), unknownOutcome: error.kind === 'unknown_outcome', outcome: error.kind, reason: error.message };
    default: {
      const unknown: never = error.kind;
      return unknown;
    }
  }
}
