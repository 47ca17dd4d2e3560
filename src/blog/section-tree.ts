import type { Section } from './article.js';

/** A section with its depth in the tree (0 for a top-level section). */
export interface SectionNode {
  readonly section: Section;
  readonly depth: number;
}

/**
 * The sections in reading order: each one followed by its sub-sections, siblings in their
 * stored order. A section whose parent is missing is treated as top-level.
 *
 * @example
 * sectionTree([{ id: 1, parentId: null, … }, { id: 2, parentId: 1, … }])
 * // [{ section: #1, depth: 0 }, { section: #2, depth: 1 }]
 */
export function sectionTree(sections: readonly Section[]): SectionNode[] {
  const ids = new Set(sections.map((s) => s.id));
  const childrenOf = (parentId: number | null) => sections.filter((s) =>
    parentId === null ? s.parentId === null || !ids.has(s.parentId) : s.parentId === parentId);
  const nodes: SectionNode[] = [];
  const seen = new Set<number>();
  const walk = (parentId: number | null, depth: number) => {
    for (const section of childrenOf(parentId)) {
      if (seen.has(section.id)) continue;
      seen.add(section.id);
      nodes.push({ section, depth });
      walk(section.id, depth + 1);
    }
  };
  walk(null, 0);
  return nodes;
}

/** The ids of a section and of everything below it. */
export function sectionAndDescendants(sections: readonly Section[], rootId: number): Set<number> {
  const ids = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const s of sections) {
      if (s.parentId !== null && ids.has(s.parentId) && !ids.has(s.id)) {
        ids.add(s.id);
        grew = true;
      }
    }
  }
  return ids;
}

/**
 * Choices for a section select, indented by depth, after an "empty" choice; `excludeId` leaves out
 * a section and its descendants (a section cannot be filed under itself).
 */
export function sectionChoices(sections: readonly Section[], emptyLabel: string, excludeId?: number): { value: string; label: string }[] {
  const excluded = excludeId === undefined ? new Set<number>() : sectionAndDescendants(sections, excludeId);
  return [
    { value: '', label: emptyLabel },
    ...sectionTree(sections).filter((n) => !excluded.has(n.section.id))
      .map((n) => ({ value: String(n.section.id), label: `${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${n.depth > 0 ? '└ ' : ''}${n.section.title}` })),
  ];
}
