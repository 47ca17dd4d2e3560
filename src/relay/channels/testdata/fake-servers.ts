import type { ChannelCredentials, NetworkName } from '../channel-adapter.js';
import { FAKE_BLUESKY_ACCOUNT, startFakeBlueskyServer } from './fake-bluesky-server.js';
import { FAKE_FACEBOOK_PAGE, startFakeFacebookServer } from './fake-facebook-server.js';
import { FAKE_LINKEDIN_ORGANIZATION, startFakeLinkedinServer } from './fake-linkedin-server.js';
import { startFakeMastodonServer } from './fake-mastodon-server.js';
import { FAKE_THREADS_USER, startFakeThreadsServer } from './fake-threads-server.js';
import { startFakeXServer } from './fake-x-server.js';
import { FAKE_TOKEN, type FakeNetworkOptions, type FakeNetworkServer } from './start-fake-network.js';

/**
 * Starts the fake server of `network` and gives the credentials a page needs to post to it
 * (its origin as `instance`, `FAKE_TOKEN`, the fake account's id). For the outbox's crash
 * test and bench: one call per network, then count `server.posts`.
 *
 * @example
 * const { server, credentials } = await startFakeNetworkServer('bluesky', { rateLimit: { max: 50, windowMs: 1000 } });
 */
export async function startFakeNetworkServer(
  network: NetworkName,
  options: FakeNetworkOptions = {},
): Promise<{ readonly server: FakeNetworkServer; readonly credentials: ChannelCredentials }> {
  const server = await START[network](options);
  const accountId = ACCOUNT[network];
  return { server, credentials: Object.freeze({ instance: server.origin, accessToken: FAKE_TOKEN, ...(accountId ? { accountId } : {}) }) };
}

const START: Readonly<Record<NetworkName, (options: FakeNetworkOptions) => Promise<FakeNetworkServer>>> = {
  mastodon: startFakeMastodonServer,
  bluesky: startFakeBlueskyServer,
  facebook: startFakeFacebookServer,
  linkedin: startFakeLinkedinServer,
  x: startFakeXServer,
  threads: startFakeThreadsServer,
};

const ACCOUNT: Readonly<Record<NetworkName, string | undefined>> = {
  mastodon: undefined,
  bluesky: FAKE_BLUESKY_ACCOUNT.handle,
  facebook: FAKE_FACEBOOK_PAGE.id,
  linkedin: FAKE_LINKEDIN_ORGANIZATION.id,
  x: undefined,
  threads: FAKE_THREADS_USER.id,
};
