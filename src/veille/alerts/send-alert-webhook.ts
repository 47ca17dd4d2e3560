import { decryptSecret } from '../../secrets/cipher.js';
import type { AlertDeps } from './alert-deps.js';
import { findAlertView } from './alert-view-store.js';
import { excerptForAlert } from './excerpt-for-alert.js';
import { postWebhook, WEBHOOK_TIMEOUT_MS } from './post-webhook.js';
import { claimAlertWebhook, recordWebhookOutcome } from './store.js';
import { readWebhookTarget } from './settings-store.js';
import { alertWebhookBody } from './webhook-payload.js';

/** A failed delivery the job system should try again (with its exponential back-off). */
export class WebhookDeliveryError extends Error {
  override readonly name = 'WebhookDeliveryError';
}

/**
 * The handler of `SendAlertWebhookJob`: holds the alert (a lease, so two workers never post it
 * at once and a delivered alert is never posted again), posts the signed JSON, records the outcome
 * on the alert. A 5xx, a time-out or an unreachable endpoint throws, so the job is retried later;
 * an endpoint that refuses the request (4xx) is recorded and not retried. Nothing here can hold
 * up matching or other alerts: each alert is its own job, bounded by the webhook time-out.
 */
export async function sendAlertWebhook(deps: Pick<AlertDeps, 'db' | 'now' | 'publicUrl' | 'fetchResource' | 'keyring'>, alertId: number): Promise<void> {
  const { db } = deps;
  const view = await findAlertView(db.kysely, alertId);
  if (!view) return;
  const target = await readWebhookTarget(db.kysely, view.watch.id);
  if (!target) return;
  const now = deps.now();
  // The hold outlasts one delivery (time-out plus margin), then another worker may take over.
  if (!(await claimAlertWebhook(db.kysely, alertId, now, new Date(now.getTime() + WEBHOOK_TIMEOUT_MS + 50_000)))) return;
  const secret = target.secret === null ? null : decryptSecret(target.secret, deps.keyring);
  const outcome = await postWebhook(deps.fetchResource, target.url, secret, alertWebhookBody(deps.publicUrl, view, excerptForAlert(view)), 'veille.alert', alertId, now);
  await recordWebhookOutcome(db.kysely, alertId, deps.now(), outcome.ok ? undefined : outcome.reason);
  if (!outcome.ok && outcome.retry) throw new WebhookDeliveryError(outcome.reason);
}
