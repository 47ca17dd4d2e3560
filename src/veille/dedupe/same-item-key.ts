/** What identifies an item within its source. */
export interface ItemIdentity {
  readonly sourceId: string;
  readonly guid?: string;
  readonly canonicalLink?: string;
  readonly contentHash: string;
}

/**
 * The key under which an item is stored once per source: a later fetch of
 * the same item updates it rather than adding a copy. By the entry's guid,
 * else its canonical link, else the hash of its text (issue 6, "Items").
 * Two sources never share a key.
 *
 * @example
 * sameItemKey({ sourceId: 's1', guid: 'tag:ville.fr,2026:42', contentHash: 'ab…' }); // 's1 guid:tag:ville.fr,2026:42'
 */
export function sameItemKey(item: ItemIdentity): string {
  const guid = item.guid?.trim();
  if (guid) return `${item.sourceId} guid:${guid}`;
  if (item.canonicalLink) return `${item.sourceId} link:${item.canonicalLink}`;
  return `${item.sourceId} hash:${item.contentHash}`;
}
