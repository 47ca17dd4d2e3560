import { ChannelError } from './channel-error.js';
import type { GuardedFetch } from './channel-adapter.js';
import type { NetworkProfile } from './network-profile.js';
import { toChannelError } from './to-channel-error.js';

/** One request to a network's API; at most one of `json`, `form`, `multipart`, `bytes`. */
export interface ApiCall {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly url: string;
  /** Authorization and the network's own headers (LinkedIn-Version…). Never put into errors. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string | undefined>>;
  readonly multipart?: FormData;
  readonly bytes?: { readonly data: Uint8Array; readonly type: string };
}

/** A 2xx answer: its status, headers and parsed JSON (undefined for an empty body). */
export interface ApiAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly json: unknown;
}

/**
 * Sends one call through the guarded client and reads its JSON answer. Every failure is a
 * `ChannelError` (see `toChannelError`); a 2xx that is not JSON is `unknown_outcome` after a
 * POST (the network may have acted) and `unavailable` after a GET.
 *
 * @example
 * const { json } = await callApi(ctx.fetch, MASTODON, {
 *   method: 'POST', url: `${base}/api/v1/statuses`, headers: { authorization: `Bearer ${token}` }, json: { status },
 * });
 */
export async function callApi(fetch: GuardedFetch, profile: NetworkProfile, call: ApiCall): Promise<ApiAnswer> {
  const sent = call.method !== 'GET';
  const { body, contentType } = await encodeBody(call);
  let result;
  try {
    result = await fetch(call.url, {
      method: call.method,
      headers: { accept: 'application/json', ...(contentType ? { 'content-type': contentType } : {}), ...call.headers },
      ...(body === undefined ? {} : { body }),
      keepErrorResponse: true,
    });
  } catch (error) {
    throw toChannelError(error, profile, { sent, now: new Date() });
  }
  if (result.status === 'not-modified') return { status: 304, headers: {}, json: undefined };
  const text = Buffer.from(result.body).toString('utf8');
  try {
    return { status: result.httpStatus, headers: result.headers ?? {}, json: text.trim() === '' ? undefined : JSON.parse(text) };
  } catch (error) {
    const kind = sent ? 'unknown_outcome' : 'unavailable';
    const message = `La réponse de ${profile.label} est illisible : le service est peut-être en maintenance.`;
    throw new ChannelError(kind, profile.network, message, `${result.url} : ${(error as Error).message}`, { cause: error });
  }
}

async function encodeBody(call: ApiCall): Promise<{ body?: Uint8Array | string; contentType?: string }> {
  if (call.json !== undefined) return { body: JSON.stringify(call.json), contentType: 'application/json; charset=utf-8' };
  if (call.form !== undefined) {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(call.form)) if (value !== undefined) form.set(name, value);
    return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  if (call.bytes !== undefined) return { body: call.bytes.data, contentType: call.bytes.type };
  if (call.multipart !== undefined) {
    // The Fetch standard's own multipart encoder (boundary included) through a Response.
    const encoded = new Response(call.multipart);
    return {
      body: new Uint8Array(await encoded.arrayBuffer()),
      contentType: encoded.headers.get('content-type') ?? 'multipart/form-data',
    };
  }
  return {};
}
