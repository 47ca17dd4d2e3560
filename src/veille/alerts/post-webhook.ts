import type { FetchResource } from '../fetch/create-guarded-fetch.js';
import { FetchError } from '../fetch/fetch-error.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './sign-webhook.js';

/** Seconds a webhook endpoint has to answer; a slow one fails this try and waits for the next. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** How one delivery went: delivered, or failed with a French reason and whether trying again may help. */
export type WebhookOutcome =
  | { readonly ok: true; readonly httpStatus: number }
  | { readonly ok: false; readonly retry: boolean; readonly reason: string };

/**
 * Posts a JSON body to a webhook through the guarded client (no private address unless allowed,
 * never redirected), signed when a secret is given. Never throws: a refusal, a 5xx, a time-out or
 * an unreachable host is an outcome. 4xx answers other than 408 and 429 are not worth retrying
 * (the endpoint refuses this request as such).
 *
 * @example
 * const outcome = await postWebhook(fetchResource, 'https://hooks.example/relais', secret, body, 'veille.alert', 12);
 */
export async function postWebhook(fetchResource: FetchResource, url: string, secret: string | null, body: unknown, event: string, deliveryId: number, now: Date, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<WebhookOutcome> {
  const raw = JSON.stringify(body);
  const timestamp = Math.floor(now.getTime() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'x-relais-event': event,
    'x-relais-delivery': String(deliveryId),
    [TIMESTAMP_HEADER.toLowerCase()]: String(timestamp),
    ...(secret ? { [SIGNATURE_HEADER.toLowerCase()]: signWebhook(secret, timestamp, raw) } : {}),
  };
  try {
    const result = await fetchResource(url, { method: 'POST', body: raw, headers, signal: AbortSignal.timeout(timeoutMs) });
    return { ok: true, httpStatus: result.httpStatus };
  } catch (error) {
    if (error instanceof FetchError) {
      const status = error.httpStatus;
      const refused = error.code === 'http-status' && status !== undefined && status >= 300 && status < 500 && status !== 408 && status !== 429;
      // An address that can never be fetched (private, malformed) will not become right by waiting.
      const unusable = error.code === 'private-address' || error.code === 'bad-url' || error.code === 'unsupported-scheme' || error.code === 'credentials-in-url';
      return { ok: false, retry: !refused && !unusable, reason: error.message };
    }
    return { ok: false, retry: true, reason: 'Le point de réception n’a pas pu être joint.' };
  }
}
