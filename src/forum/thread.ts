import type { Contribution } from './contribution.js';

/** A message and the replies under it, oldest first. */
export interface ThreadNode {
  readonly contribution: Contribution;
  readonly replies: readonly ThreadNode[];
}

/**
 * Arranges published contributions (oldest first) as threads. A reply whose parent is not among
 * them (no longer published) is shown at the top level rather than lost.
 */
export function buildThreads(contributions: readonly Contribution[]): ThreadNode[] {
  const byId = new Map(contributions.map((c) => [c.id, { contribution: c, replies: [] as ThreadNode[] }]));
  const roots: ThreadNode[] = [];
  for (const node of byId.values()) {
    const parent = node.contribution.parentId === null ? undefined : byId.get(node.contribution.parentId);
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}
