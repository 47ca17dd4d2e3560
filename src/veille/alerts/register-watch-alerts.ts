import type { JobQueue } from '../../jobs/job.js';
import type { MatchNotifier } from '../watches/match-notifier.js';
import type { AlertDeps } from './alert-deps.js';
import {
  RecordWatchAlertsJob, SendAlertEmailJob, SendAlertWebhookJob, SendWatchDigestsJob, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_DELAY_SECONDS,
} from './alert-jobs.js';
import { recordAlerts } from './record-alerts.js';
import { sendAlertEmail } from './send-alert-email.js';
import { sendAlertWebhook } from './send-alert-webhook.js';
import { sendWatchDigests } from './send-watch-digests.js';

/**
 * Declares the alert jobs and subscribes them to the matches recorded as items arrive (never the
 * back-filled ones, which the notifier does not publish). The subscriber only queues a job: the
 * matching never waits for an alert, and a queue that cannot even take it is logged.
 */
export function registerWatchAlerts(deps: AlertDeps & { readonly jobs: JobQueue }, notifier: MatchNotifier): void {
  const { jobs, logger } = deps;
  jobs.handle(RecordWatchAlertsJob, async ({ matches }) => { await recordAlerts(deps, matches); });
  jobs.handle(SendAlertEmailJob, async ({ alertId }) => { await sendAlertEmail(deps, alertId); });
  jobs.handle(SendAlertWebhookJob, ({ alertId }) => sendAlertWebhook(deps, alertId), { maxAttempts: WEBHOOK_MAX_ATTEMPTS, retryDelaySeconds: WEBHOOK_RETRY_DELAY_SECONDS });
  jobs.handle(SendWatchDigestsJob, async () => { await sendWatchDigests(deps); });
  notifier.subscribe(async (recorded) => {
    try {
      await jobs.enqueue(RecordWatchAlertsJob, { matches: recorded.map((m) => ({ watchId: m.watchId, itemId: m.itemId })) });
    } catch (err) {
      logger.error({ err, matches: recorded.length }, 'veille.alerts.enqueue-failed');
    }
  });
}
