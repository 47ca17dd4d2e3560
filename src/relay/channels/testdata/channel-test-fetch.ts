import assert from 'node:assert/strict';
import { createGuardedFetch } from '../../../veille/fetch/create-guarded-fetch.js';
import type { GuardedFetch } from '../channel-adapter.js';
import { ChannelError, type ChannelErrorKind } from '../channel-error.js';

/**
 * The guarded client as tests use it: 127.0.0.1 allowed (FETCH_ALLOW_HOSTS), and a short
 * total time-out so an answer that never comes ends the attempt quickly.
 */
export function channelTestFetch(totalTimeoutMs = 1500): GuardedFetch {
  return createGuardedFetch({ publicUrl: 'https://www.ville-exemple.fr', allowHosts: ['127.0.0.1'], totalTimeoutMs });
}

/** Awaits a promise that must fail with a `ChannelError` of `kind`, and returns the error. */
export async function expectChannelError(promise: Promise<unknown>, kind: ChannelErrorKind): Promise<ChannelError> {
  const error = await promise.then(() => assert.fail(`expected a ChannelError '${kind}'`), (caught: unknown) => caught);
  assert.ok(error instanceof ChannelError, String(error));
  assert.equal(error.kind, kind, `${error.kind}: ${error.message} (${error.detail})`);
  return error;
}

/** A 1×1 PNG, as the media issue would hand over an illustration. */
export const TINY_PNG = Uint8Array.from(Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
));
