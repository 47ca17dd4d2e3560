import type { SourceRow } from './store.js';

/** How a source is doing, as the sources screen sorts and filters it. */
export type SourceState = 'active' | 'paused' | 'error';

/** Each state's French label, in the order the screen lists them. */
export const SOURCE_STATE_LABELS: Readonly<Record<SourceState, string>> = Object.freeze({
  active: 'Active', error: 'En erreur', paused: 'En pause',
});

/** Paused wins (it is not polled, whatever its last outcome); else in error when its last poll failed. */
export function sourceState(source: Pick<SourceRow, 'status' | 'last_status'>): SourceState {
  if (source.status === 'paused') return 'paused';
  return source.last_status === 'error' ? 'error' : 'active';
}

/** `?etat=…` when it names a state; undefined (every source) otherwise. */
export function stateParam(query: unknown): SourceState | undefined {
  const raw = (query as Readonly<Record<string, string | undefined>> | undefined)?.etat;
  return raw !== undefined && Object.hasOwn(SOURCE_STATE_LABELS, raw) ? (raw as SourceState) : undefined;
}
