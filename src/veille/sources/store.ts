import { sql, type Selectable, type Updateable } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import type { VeilleSourceKind, VeilleSourcesTable } from '../../db/schema.js';
import type { SourceState } from './source-state.js';

/** A source row as stored. */
export type SourceRow = Selectable<VeilleSourcesTable>;

/** What a poll changes on its source's row (outcome, caching validators, schedule). */
export type SourcePollUpdate = Omit<Updateable<VeilleSourcesTable>, 'id' | 'created_at' | 'kind'>;

/** A new source to watch. */
export interface NewSource {
  readonly url: string;
  readonly kind: VeilleSourceKind;
  readonly title?: string;
  readonly siteLink?: string | undefined;
  /** A social source's adapter config as JSON, without its token. */
  readonly config?: string;
  /** Its access token, already encrypted with `encryptSecret`. */
  readonly accessToken?: string | undefined;
}

/** Adds a source, due at once; undefined when that address is already watched. */
export async function addSource(db: Executor, source: NewSource, now: Date): Promise<SourceRow | undefined> {
  return db.insertInto('veille_sources')
    .values({
      url: source.url, kind: source.kind, title: source.title ?? '', site_link: source.siteLink ?? null, status: 'active',
      next_check_at: now.toISOString(), created_at: now.toISOString(), error_count: 0, items_seen: 0,
      config: source.config ?? null, access_token: source.accessToken ?? null,
    })
    .onConflict((oc) => oc.column('url').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The source watched at this exact address, if any. */
export async function findSourceByUrl(db: Executor, url: string): Promise<SourceRow | undefined> {
  return db.selectFrom('veille_sources').selectAll().where('url', '=', url).executeTakeFirst();
}

/** One source by id. */
export async function getSource(db: Executor, id: number): Promise<SourceRow | undefined> {
  return db.selectFrom('veille_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every source, in the order they were added. */
export async function listSources(db: Executor): Promise<SourceRow[]> {
  return db.selectFrom('veille_sources').selectAll().orderBy('id').execute();
}

/** How many sources are in each state, as the sources screen counts them. */
export async function countSourcesByState(db: Executor): Promise<Record<SourceState, number>> {
  const rows = await db.selectFrom('veille_sources')
    .select((eb) => [
      eb.case().when('status', '=', 'paused').then('paused').when('last_status', '=', 'error').then('error').else('active').end().as('state'),
      eb.fn.countAll().as('count'),
    ])
    .groupBy('state').execute();
  const counts: Record<SourceState, number> = { active: 0, error: 0, paused: 0 };
  for (const row of rows) counts[row.state as SourceState] = Number(row.count);
  return counts;
}

/** One page of sources in the order they were added, only those in `state` when given (see `sourceState`). */
export async function listSourcesPage(db: Executor, page: { readonly state?: SourceState | undefined; readonly limit: number; readonly offset: number }): Promise<SourceRow[]> {
  return db.selectFrom('veille_sources').selectAll()
    .$if(page.state === 'paused', (q) => q.where('status', '=', 'paused'))
    .$if(page.state === 'error', (q) => q.where('status', '=', 'active').where('last_status', '=', 'error'))
    .$if(page.state === 'active', (q) => q.where('status', '=', 'active')
      .where((eb) => eb.or([eb('last_status', 'is', null), eb('last_status', '!=', 'error')])))
    .orderBy('id').limit(page.limit).offset(page.offset).execute();
}

/**
 * Takes up to `limit` active sources due at `now` and marks them held until `leaseUntil`, in one
 * statement: two pollers never get the same source. On PostgreSQL the candidates are locked
 * `FOR UPDATE SKIP LOCKED`, so a concurrent claimer takes other rows instead of waiting; SQLite
 * runs one writer at a time, so the update is atomic by itself. A held source whose poller died
 * is due again once its lease has passed.
 */
export async function claimDueSources(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<SourceRow[]> {
  const at = now.toISOString();
  return db.kysely.updateTable('veille_sources')
    .set({ claimed_until: leaseUntil.toISOString() })
    .where('id', 'in', (qb) => qb.selectFrom('veille_sources').select('id')
      .where('status', '=', 'active')
      .where('next_check_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .orderBy('next_check_at').limit(limit)
      .$if(db.dialect === 'postgres', (q) => q.forUpdate().skipLocked()))
    .returningAll()
    .execute();
}

/**
 * Takes one source for a poll asked by a user, unless a poller holds it now; undefined then. The
 * claim is released by `recordSourcePoll`, as for `claimDueSources`.
 */
export async function claimSource(db: Executor, id: number, now: Date, leaseUntil: Date): Promise<SourceRow | undefined> {
  const at = now.toISOString();
  return db.updateTable('veille_sources').set({ claimed_until: leaseUntil.toISOString() })
    .where('id', '=', id).where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
    .returningAll().executeTakeFirst();
}

/** Records a poll's outcome on the source and releases its claim. */
export async function recordSourcePoll(db: Executor, id: number, update: SourcePollUpdate): Promise<void> {
  await db.updateTable('veille_sources').set({ ...update, claimed_until: null }).where('id', '=', id).execute();
}

/** Moves a source to the address a permanent redirect gave, unless another source already watches it. */
export async function moveSource(db: Executor, id: number, url: string): Promise<boolean> {
  if (await findSourceByUrl(db, url)) return false;
  await db.updateTable('veille_sources').set({ url }).where('id', '=', id).execute();
  return true;
}

/** A user re-enables a paused source: its error count starts again and it is due at once. */
export async function enableSource(db: Executor, id: number, now: Date): Promise<void> {
  await db.updateTable('veille_sources')
    .set({ status: 'active', error_count: 0, next_check_at: now.toISOString(), claimed_until: null })
    .where('id', '=', id).execute();
}

/** Replaces (or, with null, removes) a source's encrypted access token; the source is due at once to try it. */
export async function setSourceAccessToken(db: Executor, id: number, accessToken: string | null, now: Date): Promise<void> {
  await db.updateTable('veille_sources').set({ access_token: accessToken, next_check_at: now.toISOString() }).where('id', '=', id).execute();
}

/**
 * Puts off, until at least `until`, every active source of `kind` whose address starts with
 * `prefix` (a network's origin): a rate limit is shared by every source read from that network,
 * so once one learns the limit is spent, the others do not each ask and get refused.
 */
export async function deferNetworkSources(db: Executor, kind: VeilleSourceKind, prefix: string, until: Date): Promise<number> {
  const at = until.toISOString();
  const result = await db.updateTable('veille_sources').set({ next_check_at: at })
    .where('kind', '=', kind).where('status', '=', 'active').where('next_check_at', '<', at)
    .where(sql<string>`substr(url, 1, ${prefix.length})`, '=', prefix)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A user pauses a source: it is not polled until re-enabled. */
export async function pauseSource(db: Executor, id: number): Promise<void> {
  await db.updateTable('veille_sources').set({ status: 'paused' }).where('id', '=', id).execute();
}

/** Deletes a source; call `deleteSourceItems` first in the same transaction, so story groups keep their right sizes. */
export async function deleteSource(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('veille_sources').where('id', '=', id).execute();
}
