import type { DialectName, Executor } from '../../db/database.js';
import type { AlertMatch } from './alert-jobs.js';

/** Where a newly matched item went: the alert of its story for that watch, and whether it opened it. */
export interface CountedMatch {
  readonly alertId: number;
  readonly watchId: number;
  readonly itemId: number;
  /** True when this item is the one the alert is sent about (the first of its story for this watch). */
  readonly first: boolean;
}

/**
 * Counts matched items in their watch's alerts (run it in one transaction): an item goes in
 * once per watch (primary key on (watch, item)), the first item of a story group opens the alert
 * (unique (watch, group)), later ones only recount its distinct sources. Safe with several
 * workers: the alert row is locked before its recount on PostgreSQL; SQLite has one writer.
 * Items already counted (a job run again) come back with the alert they are in, `first` set when
 * they opened it, so a retried job still sends what its first run could not queue.
 */
export async function countMatchesInAlerts(trx: Executor, dialect: DialectName, matches: readonly AlertMatch[], now: Date): Promise<CountedMatch[]> {
  const at = now.toISOString();
  const counted: CountedMatch[] = [];
  for (const match of matches) {
    // A write first: SQLite then holds the write lock for the whole transaction (a read first
    // would have to upgrade later and fail with SQLITE_BUSY when another writer went between).
    const added = await trx.insertInto('veille_alert_items').columns(['watch_id', 'item_id', 'group_id', 'source_id'])
      .expression((eb) => eb.selectFrom('veille_items').select([eb.val(match.watchId).as('watch_id'), 'id', 'group_id', 'source_id'])
        .where('id', '=', match.itemId).where('group_id', 'is not', null))
      .onConflict((oc) => oc.columns(['watch_id', 'item_id']).doNothing()).returning(['item_id', 'group_id']).executeTakeFirst();
    if (!added) {
      // Counted before (a job run again), or an item gone or outside any story: nothing new.
      const existing = await trx.selectFrom('veille_alert_items as ai')
        .innerJoin('veille_alerts as a', (join) => join.onRef('a.watch_id', '=', 'ai.watch_id').onRef('a.group_id', '=', 'ai.group_id'))
        .select(['a.id', 'a.first_item_id']).where('ai.watch_id', '=', match.watchId).where('ai.item_id', '=', match.itemId).executeTakeFirst();
      if (existing) counted.push({ alertId: existing.id, watchId: match.watchId, itemId: match.itemId, first: existing.first_item_id === match.itemId });
      continue;
    }
    const groupId = added.group_id;
    const opened = await trx.insertInto('veille_alerts')
      .values({ watch_id: match.watchId, group_id: groupId, first_item_id: match.itemId, sources_count: 1, first_matched_at: at, last_matched_at: at, webhook_attempts: 0 })
      .onConflict((oc) => oc.columns(['watch_id', 'group_id']).doNothing()).returning('id').executeTakeFirst();
    if (opened) {
      counted.push({ alertId: opened.id, watchId: match.watchId, itemId: match.itemId, first: true });
      continue;
    }
    const alert = await trx.selectFrom('veille_alerts').select('id').where('watch_id', '=', match.watchId).where('group_id', '=', groupId)
      .$if(dialect === 'postgres', (q) => q.forUpdate()).executeTakeFirstOrThrow();
    // A statement after the lock: under READ COMMITTED it sees every item counted by transactions that held it before.
    await trx.updateTable('veille_alerts').set((eb) => ({
      sources_count: eb.selectFrom('veille_alert_items').select((s) => s.fn.count<number>('source_id').distinct().as('n'))
        .where('watch_id', '=', match.watchId).where('group_id', '=', groupId),
      last_matched_at: at,
    })).where('id', '=', alert.id).execute();
    counted.push({ alertId: alert.id, watchId: match.watchId, itemId: match.itemId, first: false });
  }
  return counted;
}

/** What decides an alert's sending: the watch's settings and what went out already. */
export interface AlertDispatch {
  readonly alertId: number;
  readonly wantsEmail: boolean;
  readonly webhookUrl: string | null;
  readonly emailSent: boolean;
  readonly webhookSent: boolean;
}

/** The sending state of these alerts with their watch's settings. */
export async function listAlertDispatch(db: Executor, alertIds: readonly number[]): Promise<AlertDispatch[]> {
  if (alertIds.length === 0) return [];
  const rows = await db.selectFrom('veille_alerts as a').innerJoin('veille_watches as w', 'w.id', 'a.watch_id')
    .select(['a.id', 'w.alert_email', 'w.alert_webhook_url', 'a.sent_email_at', 'a.sent_webhook_at'])
    .where('a.id', 'in', [...new Set(alertIds)]).orderBy('a.id').execute();
  return rows.map((r) => Object.freeze({
    alertId: r.id, wantsEmail: r.alert_email === 1, webhookUrl: r.alert_webhook_url, emailSent: r.sent_email_at !== null, webhookSent: r.sent_webhook_at !== null,
  }));
}

/** Claims an alert's e-mail: true for the first caller only, so it is never sent twice. */
export async function claimAlertEmail(db: Executor, alertId: number, now: Date): Promise<boolean> {
  const result = await db.updateTable('veille_alerts').set({ sent_email_at: now.toISOString() })
    .where('id', '=', alertId).where('sent_email_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives a claimed e-mail back (its mails could not be queued). */
export async function releaseAlertEmail(db: Executor, alertId: number): Promise<void> {
  await db.updateTable('veille_alerts').set({ sent_email_at: null }).where('id', '=', alertId).execute();
}

/**
 * Holds an alert's webhook until `until` for one delivery: false when it was delivered already or
 * another worker holds it (a lease, so a crashed worker's hold runs out).
 */
export async function claimAlertWebhook(db: Executor, alertId: number, now: Date, until: Date): Promise<boolean> {
  const result = await db.updateTable('veille_alerts').set({ webhook_claimed_until: until.toISOString() })
    .where('id', '=', alertId).where('sent_webhook_at', 'is', null)
    .where((eb) => eb.or([eb('webhook_claimed_until', 'is', null), eb('webhook_claimed_until', '<=', now.toISOString())]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a webhook delivery's outcome and releases the hold: delivered (`error` undefined) or failed with a French reason. */
export async function recordWebhookOutcome(db: Executor, alertId: number, now: Date, error?: string): Promise<void> {
  await db.updateTable('veille_alerts').set((eb) => ({
    webhook_claimed_until: null,
    webhook_attempts: eb('webhook_attempts', '+', 1),
    webhook_last_error: error ?? null,
    ...(error === undefined ? { sent_webhook_at: now.toISOString() } : {}),
  })).where('id', '=', alertId).execute();
}

/** The addresses of a watch's owners whose accounts are active. */
export async function listOwnerAddresses(db: Executor, watchId: number): Promise<string[]> {
  const rows = await db.selectFrom('veille_watch_owners as o').innerJoin('users as u', 'u.id', 'o.user_id')
    .select('u.email').where('o.watch_id', '=', watchId).where('u.disabled', '=', 0).orderBy('u.id').execute();
  return rows.map((r) => r.email);
}
