import type { ChannelAdapter } from './channels/channel-adapter.js';

/**
 * The network adapters this installation relays through, by network name: the channels'
 * `CHANNELS` once every adapter folder is in (wired in `main.ts` from here only).
 */
export const INSTALLED_ADAPTERS: Readonly<Partial<Record<string, ChannelAdapter>>> = Object.freeze({});
