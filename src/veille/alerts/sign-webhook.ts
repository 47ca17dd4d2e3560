import { createHmac } from 'node:crypto';

/** The headers of a signed webhook: the signature, and the moment it was made (part of what is signed). */
export const SIGNATURE_HEADER = 'X-Relais-Signature';
export const TIMESTAMP_HEADER = 'X-Relais-Timestamp';

/**
 * The signature of a webhook body: HMAC-SHA256, keyed with the watch's secret, of the timestamp
 * (Unix seconds), a dot and the raw body bytes, as `sha256=<hex>`. Signing the timestamp lets a
 * receiver refuse a replayed request (documented in docs/veille-alerts.md).
 *
 * @example
 * signWebhook('secret', 1764422400, '{"event":"veille.alert"}'); // 'sha256=…64 hex digits'
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}
