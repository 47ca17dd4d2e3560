import { StoryGrouper, type GroupableItem } from './story-grouper.js';

/**
 * Groups a batch of items by story (see `StoryGrouper` for the rules), each
 * group listing its items in the order given; groups are in the order of
 * their first item. An item repeated under the same key counts once.
 *
 * @example
 * groupItems([a, b, c]).map((group) => group.length); // [2, 1] when a and c tell one story
 */
export function groupItems<T extends GroupableItem>(items: readonly T[]): T[][] {
  const grouper = new StoryGrouper();
  const groups: T[][] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const group = grouper.add(item);
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    (groups[group] ??= []).push(item);
  }
  return groups;
}
