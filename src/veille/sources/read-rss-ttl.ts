/** Where `<ttl>` is looked for: it belongs to the channel's head, before the items. */
const HEAD_BYTES = 65_536;

/**
 * The RSS 2.0 `<ttl>` of a feed, in seconds: "how long a channel can be cached before refreshing
 * from the source" (RSS 2.0 specification, given in minutes). Read from the raw bytes' head, as the
 * element's digits are ASCII in every encoding a feed uses; undefined when absent.
 *
 * @example
 * readRssTtl(Buffer.from('<rss><channel><ttl>60</ttl>…')); // 3600
 */
export function readRssTtl(body: Uint8Array): number | undefined {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, HEAD_BYTES)).toString('latin1');
  const match = /<ttl>\s*(\d{1,7})\s*<\/ttl>/i.exec(head);
  return match ? Number(match[1]) * 60 : undefined;
}
