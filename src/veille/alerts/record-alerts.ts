import { SendAlertEmailJob, SendAlertWebhookJob, type AlertMatch } from './alert-jobs.js';
import type { AlertDeps } from './alert-deps.js';
import { countMatchesInAlerts, listAlertDispatch } from './store.js';

/**
 * The handler of `RecordWatchAlertsJob`: counts the matches in their alerts in one transaction,
 * then queues the e-mail and webhook of each alert an item opened. Later copies of a story only
 * update its count. Queuing is idempotent (each send claims its alert first), so a job run again
 * after a crash queues what it could not, and never sends twice. Returns the alerts queued.
 */
export async function recordAlerts(deps: Pick<AlertDeps, 'db' | 'jobs' | 'now' | 'mailEnabled'>, matches: readonly AlertMatch[]): Promise<number[]> {
  const { db } = deps;
  const counted = await db.kysely.transaction().execute((trx) => countMatchesInAlerts(trx, db.dialect, matches, deps.now()));
  const opened = counted.filter((c) => c.first).map((c) => c.alertId);
  const queued: number[] = [];
  for (const alert of await listAlertDispatch(db.kysely, opened)) {
    if (alert.wantsEmail && deps.mailEnabled && !alert.emailSent) {
      await deps.jobs.enqueue(SendAlertEmailJob, { alertId: alert.alertId }, { singletonKey: `alert-email:${alert.alertId}` });
    }
    if (alert.webhookUrl !== null && !alert.webhookSent) {
      await deps.jobs.enqueue(SendAlertWebhookJob, { alertId: alert.alertId }, { singletonKey: `alert-webhook:${alert.alertId}` });
    }
    queued.push(alert.alertId);
  }
  return queued;
}
