import type { ChannelAdapter } from './channels/channel-adapter.js';
import { CHANNELS } from './channels/channels.js';

/**
 * The network adapters this installation relays through, by network name (`CHANNELS`): the
 * one place `main.ts` takes them from.
 */
export const INSTALLED_ADAPTERS: Readonly<Partial<Record<string, ChannelAdapter>>> = CHANNELS;
