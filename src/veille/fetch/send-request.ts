import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './check-target.js';
import { FetchError } from './fetch-error.js';

/** The method and body of a request; a GET without body by default. */
export interface RequestPayload {
  readonly method?: string;
  readonly body?: Uint8Array | string;
}

/**
 * Sends one request (a GET by default) to `target.url` over a fresh connection (no pooled socket) made to
 * `target.addresses`, the addresses that were checked, and resolves with the response head.
 * Aborting `signal` destroys the request; `connectTimeoutMs` bounds the TCP (and TLS) set-up.
 *
 * @example
 * const response = await sendRequest(target, { 'user-agent': 'Relais/0.1.0' }, 10_000, signal);
 */
export function sendRequest(
  target: CheckedTarget,
  headers: OutgoingHttpHeaders,
  connectTimeoutMs: number,
  signal: AbortSignal,
  payload: RequestPayload = {},
): Promise<IncomingMessage> {
  const request = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(target.url, {
      method: payload.method ?? 'GET',
      headers: payload.body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(payload.body) },
      signal,
      agent: false,
      lookup: pinnedLookup(target),
    });
    req.once('socket', (socket) => {
      const timer = setTimeout(() => {
        req.destroy(new FetchError('connect-timeout', `${target.url.host} (${target.address}) : connexion non établie en ${connectTimeoutMs} ms`, {
          limit: connectTimeoutMs / 1000,
        }));
      }, connectTimeoutMs);
      const connected = target.url.protocol === 'https:' ? 'secureConnect' : 'connect';
      socket.once(connected, () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    req.once('response', resolve);
    // Kept for the request's whole life: a later error (abort mid-body) must not go unheard.
    req.on('error', reject);
    req.end(payload.body);
  });
}

// Node calls `lookup` only for host names (never for IP literals), with `all: true` when it
// tries several addresses (autoSelectFamily, RFC 8305). Either way it gets the checked addresses
// alone: the name is never resolved a second time, so DNS cannot rebind the connection.
function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      const all = target.addresses.map(({ address, family }) => ({ address, family }));
      (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, all);
    } else {
      const [first] = target.addresses;
      callback(null, target.address, first?.family ?? 4);
    }
  };
}
