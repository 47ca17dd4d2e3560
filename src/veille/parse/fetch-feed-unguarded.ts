/** A fetched feed document: its bytes, its content type and its final address. */
export interface FetchedFeed {
  readonly bytes: Buffer;
  readonly contentType: string | undefined;
  readonly url: string;
}

/**
 * TEMPORARY, for `relais feed parse <url>` only: Node's plain `fetch`, with a
 * time-out and a size cap but WITHOUT the private-network refusal of issue 6.
 * To be replaced by the guarded client of `src/veille/fetch/` as soon as it
 * lands; nothing else may call this.
 */
export async function fetchFeedUnguarded(url: string, maxBytes: number): Promise<FetchedFeed> {
  const response = await fetch(url, {
    headers: { 'user-agent': 'Relais (feed parse)', accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8' },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`le serveur a répondu ${response.status} pour ${url}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) throw new Error(`la réponse dépasse ${Math.round(maxBytes / 1024 / 1024)} Mo`);
    chunks.push(Buffer.from(chunk));
  }
  return { bytes: Buffer.concat(chunks), contentType: response.headers.get('content-type') ?? undefined, url: response.url || url };
}
