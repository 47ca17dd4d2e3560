/**
 * The sources a watch covers: all of them, or the chosen sources plus every source of the chosen
 * kinds (`feed`, `mastodon`…). A chosen scope with nothing in it covers nothing.
 */
export type WatchScope =
  | { readonly all: true }
  | { readonly all: false; readonly sourceIds: readonly number[]; readonly sourceKinds: readonly string[] };

/** Every source. */
export const ALL_SOURCES: WatchScope = Object.freeze({ all: true });

/** Whether an item of this source falls in the scope. */
export function coversSource(scope: WatchScope, source: { readonly id: number; readonly kind: string }): boolean {
  return scope.all || scope.sourceIds.includes(source.id) || scope.sourceKinds.includes(source.kind);
}

/** Whether two scopes cover the same sources and kinds (in any order). */
export function sameScope(a: WatchScope, b: WatchScope): boolean {
  if (a.all || b.all) return a.all === b.all;
  const sorted = (values: readonly (number | string)[]) => [...new Set(values)].map(String).sort().join(',');
  return sorted(a.sourceIds) === sorted(b.sourceIds) && sorted(a.sourceKinds) === sorted(b.sourceKinds);
}

/** The scope from its stored columns (JSON arrays); unreadable arrays count as empty. */
export function parseScope(allSources: number, sourceIds: string, sourceKinds: string): WatchScope {
  if (allSources !== 0) return ALL_SOURCES;
  return Object.freeze({
    all: false,
    sourceIds: Object.freeze(readArray(sourceIds).filter((v): v is number => Number.isInteger(v))),
    sourceKinds: Object.freeze(readArray(sourceKinds).filter((v): v is string => typeof v === 'string')),
  });
}

function readArray(json: string): unknown[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}
