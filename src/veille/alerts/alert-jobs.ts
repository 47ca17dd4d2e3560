import { defineJob } from '../../jobs/job.js';

/** A (watch, item) pair a watch matched as the item arrived. */
export interface AlertMatch {
  readonly watchId: number;
  readonly itemId: number;
}

/** Counts newly matched items in their watch's alerts (one per story group) and queues what must be sent. */
export const RecordWatchAlertsJob = defineJob<{ readonly matches: readonly AlertMatch[] }>('veille.record-alerts');

/** The instant e-mail of one alert to its watch's owners (each mail then a `SendMailJob` of its own). */
export const SendAlertEmailJob = defineJob<{ readonly alertId: number }>('veille.send-alert-email');

/** The instant webhook of one alert; retried with exponential back-off while the endpoint fails. */
export const SendAlertWebhookJob = defineJob<{ readonly alertId: number }>('veille.send-alert-webhook');

/** Recurring: sends the daily digest of each watch whose chosen hour (Paris time) has come. */
export const SendWatchDigestsJob = defineJob<Record<string, never>>('veille.send-digests');

/** How often the digest job looks at the clock: a digest leaves within this many seconds of its hour. */
export const WATCH_DIGESTS_INTERVAL_SECONDS = 300;

/** Tries of a webhook before it is given up: 30 s, 1, 2, 4, 8 min apart (about a quarter of an hour in all). */
export const WEBHOOK_MAX_ATTEMPTS = 6;
export const WEBHOOK_RETRY_DELAY_SECONDS = 30;
