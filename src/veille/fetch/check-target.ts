import { isIP } from 'node:net';
import type { AllowList } from './allow-list.js';
import { FetchError } from './fetch-error.js';
import { isPublicAddress } from './is-public-address.js';
import type { HostnameResolver } from './resolve-hostname.js';

/** One IP address that passed the checks. */
export interface CheckedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** A URL judged fit to fetch, and the only addresses the connection may go to. */
export interface CheckedTarget {
  readonly url: URL;
  /** The first of `addresses`, the one tried first. */
  readonly address: string;
  /** Every address the name resolved to, each checked, in the resolver's order. */
  readonly addresses: readonly CheckedAddress[];
}

/**
 * Refuses what Relais must not fetch (private networks not allowed by `FETCH_ALLOW_HOSTS`)
 * and resolves the host ONCE: the caller then connects to `addresses` and nowhere else, so a
 * second DNS answer cannot rebind the request. `signal` bounds the resolution.
 *
 * @example
 * const target = await checkTarget(parseFetchUrl('https://www.ville-exemple.fr/feed'), { allowList, resolve });
 * // target.addresses are where the socket may connect
 */
export async function checkTarget(
  url: URL,
  deps: { readonly allowList: AllowList; readonly resolve: HostnameResolver },
  signal?: AbortSignal,
): Promise<CheckedTarget> {
  // WHATWG parsing already turns 127.1, 2130706433, 0x7f.0.0.1 and 017700000001 into 127.0.0.1
  // and [::ffff:127.0.0.1] into [::ffff:7f00:1], so every spelling reaches the checks below.
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.+$/, '');
  const literalFamily = isIP(hostname);
  if (literalFamily !== 0) {
    assertReachable(hostname, hostname, deps.allowList, false);
    return checked(url, [hostname]);
  }
  const hostAllowed = deps.allowList.allowsHost(hostname);
  // RFC 6761 §6.3: localhost and its subdomains are this machine, whatever a resolver says.
  if (!hostAllowed && /(^|\.)localhost$/i.test(hostname)) {
    throw new FetchError('private-address', `${hostname} désigne la machine locale`);
  }
  const addresses = await resolveOnce(hostname, deps.resolve, signal);
  for (const address of addresses) assertReachable(hostname, address, deps.allowList, hostAllowed);
  return checked(url, addresses);
}

function checked(url: URL, addresses: readonly string[]): CheckedTarget {
  const all = addresses.map((address) => Object.freeze({ address, family: isIP(address) as 4 | 6 }));
  return Object.freeze({ url, address: addresses[0] as string, addresses: Object.freeze(all) });
}

async function resolveOnce(hostname: string, resolve: HostnameResolver, signal?: AbortSignal): Promise<readonly string[]> {
  let addresses: readonly string[];
  try {
    addresses = await untilAborted(resolve(hostname), signal);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    const code = (cause as { code?: unknown }).code;
    throw new FetchError('dns', `résolution de ${hostname} : ${String(code ?? cause)}`, {}, { cause });
  }
  const usable = addresses.filter((address) => isIP(address) !== 0);
  if (usable.length === 0) throw new FetchError('dns', `aucune adresse IP pour ${hostname}`);
  return usable;
}

// Every address a name resolves to must pass: a name mixing public and private answers is
// refused whole, rather than trusting which one a later connection would pick.
function assertReachable(hostname: string, address: string, allowList: AllowList, hostAllowed: boolean): void {
  if (hostAllowed || allowList.allowsAddress(address) || isPublicAddress(address)) return;
  throw new FetchError('private-address', `${hostname} → ${address} : adresse privée, locale ou réservée`);
}

// getaddrinfo cannot be cancelled; the fetch stops waiting for it when the signal fires.
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
