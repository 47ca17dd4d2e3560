import type { ChannelAdapter, NetworkName } from './channel-adapter.js';
import { createBlueskyAdapter } from './bluesky/bluesky-adapter.js';
import { createFacebookAdapter } from './facebook/facebook-adapter.js';
import { createLinkedinAdapter } from './linkedin/linkedin-adapter.js';
import { createMastodonAdapter, type MastodonAdapterOptions } from './mastodon/mastodon-adapter.js';
import { createThreadsAdapter, type ThreadsAdapterOptions } from './threads/threads-adapter.js';
import { createXAdapter } from './x/x-adapter.js';

/** Options of every adapter at once (tests shorten the media polling delays). */
export type ChannelOptions = MastodonAdapterOptions & ThreadsAdapterOptions;

/**
 * One adapter per network. Each calls the network's official API unless a page's
 * `credentials.instance` names another base (a Mastodon instance, a Bluesky PDS, a local
 * contract server from `testdata/fake-<network>-server.ts` in tests).
 *
 * @example const adapters = createChannels({ mediaPollMs: 5, containerPollMs: 5 });
 */
export function createChannels(options: ChannelOptions = {}): Readonly<Record<NetworkName, ChannelAdapter>> {
  return Object.freeze({
    mastodon: createMastodonAdapter(options),
    bluesky: createBlueskyAdapter(),
    facebook: createFacebookAdapter(),
    linkedin: createLinkedinAdapter(),
    x: createXAdapter(),
    threads: createThreadsAdapter(options),
  });
}

/**
 * The registry the outbox, the composer and the health screen use.
 *
 * @example
 * const adapter = CHANNELS[page.network];
 * const length = adapter.countLength(variant.text); // as the network counts
 */
export const CHANNELS: Readonly<Record<NetworkName, ChannelAdapter>> = createChannels();
