import type { Executor } from '../../db/database.js';

/** A watch whose digest may be due: its name and chosen hour (Paris time). */
export interface DigestWatch {
  readonly id: number;
  readonly name: string;
  readonly hour: number;
}

/** The watches with a digest whose hour is at or before `hour`. */
export async function listWatchesWithDigestBy(db: Executor, hour: number): Promise<DigestWatch[]> {
  const rows = await db.selectFrom('veille_watches').select(['id', 'name', 'alert_digest_hour'])
    .where('alert_digest_hour', 'is not', null).where('alert_digest_hour', '<=', hour).orderBy('id').execute();
  return rows.map((r) => Object.freeze({ id: r.id, name: r.name, hour: r.alert_digest_hour! }));
}

/** A claimed digest: the period it covers, and how to give the claim back. */
export interface DigestClaim {
  readonly since: Date;
  readonly previous: { readonly lastDay: string; readonly coveredUntil: string } | undefined;
}

/**
 * Claims a watch's digest for the Paris day `day`, up to `until`: undefined when it went out that
 * day already (or another worker just claimed it). The first digest covers the last 24 hours.
 */
export async function claimDigestDay(db: Executor, watchId: number, day: string, until: Date): Promise<DigestClaim | undefined> {
  const row = await db.selectFrom('veille_alert_digests').select(['last_day', 'covered_until']).where('watch_id', '=', watchId).executeTakeFirst();
  if (!row) {
    const inserted = await db.insertInto('veille_alert_digests').values({ watch_id: watchId, last_day: day, covered_until: until.toISOString() })
      .onConflict((oc) => oc.column('watch_id').doNothing()).returning('watch_id').executeTakeFirst();
    return inserted ? { since: new Date(until.getTime() - 86_400_000), previous: undefined } : undefined;
  }
  if (row.last_day >= day) return undefined;
  const result = await db.updateTable('veille_alert_digests').set({ last_day: day, covered_until: until.toISOString() })
    .where('watch_id', '=', watchId).where('last_day', '=', row.last_day).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  return { since: new Date(row.covered_until), previous: { lastDay: row.last_day, coveredUntil: row.covered_until } };
}

/** Gives a digest claim back (its mails could not be queued): the next run tries again. */
export async function releaseDigestDay(db: Executor, watchId: number, claim: DigestClaim): Promise<void> {
  if (claim.previous === undefined) await db.deleteFrom('veille_alert_digests').where('watch_id', '=', watchId).execute();
  else await db.updateTable('veille_alert_digests').set({ last_day: claim.previous.lastDay, covered_until: claim.previous.coveredUntil }).where('watch_id', '=', watchId).execute();
}
