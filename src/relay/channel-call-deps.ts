import type { Logger } from '../logger.js';
import type { Keyring } from '../secrets/keyring.js';
import type { ChannelAdapter, GuardedFetch } from './channels/channel-adapter.js';

/**
 * What calling a page's network needs, shared by the relay service, the page saver and the outbox:
 * the keyring that opens its credentials, the adapters by network, the guarded fetch, the clock and the log.
 */
export interface ChannelCallDeps {
  readonly keyring: Keyring;
  /** Maps a page's network to its adapter. */
  readonly adapters: Readonly<Partial<Record<string, ChannelAdapter>>>;
  readonly fetch: GuardedFetch;
  readonly now: () => Date;
  readonly logger: Logger;
}
