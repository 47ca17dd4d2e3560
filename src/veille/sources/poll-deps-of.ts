import type { Relais } from '../../main.js';
import type { PollDeps } from './poll-source.js';

/**
 * What polling needs, taken from the wired application: the one guarded client, the clock, the
 * watches that match new items, and the keyring that opens social sources' tokens. The CLI's
 * `relais fetch --once` and the back office's "poll now" use it; `main.ts` wires the same.
 */
export function pollDepsOf(relais: Pick<Relais, 'db' | 'fetchResource' | 'now' | 'logger' | 'watches' | 'keyring'>): PollDeps {
  return {
    db: relais.db, fetchResource: relais.fetchResource, now: relais.now, logger: relais.logger,
    onItemsStored: relais.watches.matchNewItems, keyring: relais.keyring,
  };
}
