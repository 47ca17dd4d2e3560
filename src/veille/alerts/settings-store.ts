import type { Executor } from '../../db/database.js';

/** A watch's alert settings as stored; the webhook secret still encrypted. */
export interface AlertSettingsRow {
  readonly watchId: number;
  readonly watchName: string;
  readonly email: boolean;
  readonly webhookUrl: string | null;
  readonly encryptedSecret: string | null;
  readonly digestHour: number | null;
}

/** A watch's alert settings; undefined when there is no such watch. */
export async function readAlertSettings(db: Executor, watchId: number): Promise<AlertSettingsRow | undefined> {
  const r = await db.selectFrom('veille_watches').select(['id', 'name', 'alert_email', 'alert_webhook_url', 'alert_webhook_secret', 'alert_digest_hour'])
    .where('id', '=', watchId).executeTakeFirst();
  return r && Object.freeze({
    watchId: r.id, watchName: r.name, email: r.alert_email === 1, webhookUrl: r.alert_webhook_url, encryptedSecret: r.alert_webhook_secret, digestHour: r.alert_digest_hour,
  });
}

/** What the settings form saves; `encryptedSecret` undefined keeps the stored one. */
export interface AlertSettingsChange {
  readonly email: boolean;
  readonly webhookUrl: string | null;
  readonly encryptedSecret?: string | null;
  readonly digestHour: number | null;
}

/** Saves a watch's alert settings (they take effect for the next alert: jobs read them when they run). */
export async function saveAlertSettings(db: Executor, watchId: number, change: AlertSettingsChange): Promise<void> {
  await db.updateTable('veille_watches').set({
    alert_email: change.email ? 1 : 0, alert_webhook_url: change.webhookUrl, alert_digest_hour: change.digestHour,
    ...(change.encryptedSecret === undefined ? {} : { alert_webhook_secret: change.encryptedSecret }),
  }).where('id', '=', watchId).execute();
}

/** Where a watch's webhook goes, with its encrypted secret; undefined when it has none. */
export async function readWebhookTarget(db: Executor, watchId: number): Promise<{ url: string; secret: string | null } | undefined> {
  const r = await db.selectFrom('veille_watches').select(['alert_webhook_url', 'alert_webhook_secret']).where('id', '=', watchId).executeTakeFirst();
  return r?.alert_webhook_url ? { url: r.alert_webhook_url, secret: r.alert_webhook_secret } : undefined;
}

/** One alert's webhook as its settings page lists it. */
export interface WebhookDelivery {
  readonly alertId: number;
  /** The story's first item; null once purged. */
  readonly title: string | null;
  readonly sentAt: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly matchedAt: string;
}

/** The latest deliveries of a watch's webhook (tried at least once), newest first. */
export async function listRecentWebhookDeliveries(db: Executor, watchId: number, limit: number): Promise<WebhookDelivery[]> {
  const rows = await db.selectFrom('veille_alerts as a').leftJoin('veille_items as i', 'i.id', 'a.first_item_id')
    .select(['a.id', 'i.title', 'a.sent_webhook_at', 'a.webhook_attempts', 'a.webhook_last_error', 'a.first_matched_at'])
    .where('a.watch_id', '=', watchId).where('a.webhook_attempts', '>', 0).orderBy('a.id', 'desc').limit(limit).execute();
  return rows.map((r) => Object.freeze({ alertId: r.id, title: r.title, sentAt: r.sent_webhook_at, attempts: r.webhook_attempts, lastError: r.webhook_last_error, matchedAt: r.first_matched_at }));
}
