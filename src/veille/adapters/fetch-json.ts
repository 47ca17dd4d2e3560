import type { AdapterDeps } from './source-adapter.js';
import { SourceAdapterError } from './source-adapter-error.js';

/**
 * GETs a network API's JSON through the guarded client. A body that is not JSON becomes a
 * `SourceAdapterError('bad-response')` naming the network in French; HTTP failures stay
 * the client's `FetchError`. `headers` may carry a token: nothing of them goes into errors.
 *
 * @example const json = await fetchJson(deps, 'https://public.api.bsky.app/xrpc/…', 'Bluesky');
 */
export async function fetchJson(
  deps: AdapterDeps,
  url: string,
  network: string,
  headers: Readonly<Record<string, string>> = {},
): Promise<unknown> {
  const result = await deps.fetchResource(url, {
    headers: { accept: 'application/json', ...headers },
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  // No conditional request is sent, so no 304 is expected; one would carry no body.
  if (result.status === 'not-modified') return undefined;
  const text = Buffer.from(result.body).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SourceAdapterError(
      'bad-response',
      `La réponse de ${network} n’est pas du JSON lisible : le service est peut-être en maintenance.`,
      `${result.url} : ${(error as Error).message} (${text.length} caractères, ${result.contentType ?? 'sans type'})`,
      { cause: error },
    );
  }
}
