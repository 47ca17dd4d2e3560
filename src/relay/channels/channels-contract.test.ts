import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NETWORK_NAMES, type ChannelCredentials } from './channel-adapter.js';
import { createChannels } from './channels.js';
import { channelTestFetch, expectChannelError } from './testdata/channel-test-fetch.js';
import { startFakeNetworkServer } from './testdata/fake-servers.js';
import type { FakeNetworkServer } from './testdata/start-fake-network.js';

// What every adapter owes the outbox, checked against each network's local contract server.
const channels = createChannels({ mediaPollMs: 5, containerPollMs: 5 });

for (const network of NETWORK_NAMES) {
  describe(`${network}: what the outbox relies on`, () => {
    const adapter = channels[network];
    const fetch = channelTestFetch(400);
    let server: FakeNetworkServer;
    let credentials: ChannelCredentials;
    let count = 0;
    // X refuses duplicates: every post here has its own text.
    const text = (what: string) => `${what} n° ${(count += 1)} : « rendez-vous » à 18 h ! https://www.ville-exemple.fr/agenda/conseil-municipal-decembre`;
    const publish = (what: string) => adapter.publish({ text: text(what) }, credentials, { idempotencyKey: `${network}-${count}`, fetch });
    before(async () => {
      ({ server, credentials } = await startFakeNetworkServer(network, { rateLimit: { max: 1000, windowMs: 60_000 } }));
    });
    after(() => server.close());

    test('declares the adapter for its own network', () => {
      assert.equal(adapter.network, network);
      assert.ok(adapter.limits().maxLength > 0 && adapter.limits().maxMedia > 0);
    });

    test('verifies the credentials and names the account', async () => {
      const account = await adapter.verifyCredentials(credentials, { fetch });
      assert.ok(account.accountName.length > 1, account.accountName);
    });

    test('publishes once and returns the network’s id', async () => {
      const before = server.posts.length;
      const posted = await publish('Publié');
      assert.equal(server.posts.length, before + 1);
      assert.ok(posted.remoteId.length > 0);
    });

    test('an answer lost after sending is unknown_outcome, and findRecentPost then finds the post', async () => {
      const lost = text('Perdu');
      server.failNext('timeout-after-post');
      await expectChannelError(adapter.publish({ text: lost }, credentials, { idempotencyKey: 'perdu', fetch }), 'unknown_outcome');
      const made = server.posts.at(-1);
      assert.equal(made?.text.includes('Perdu'), true, 'the network did get the post');
      await publish('Publié ensuite');
      const found = await adapter.findRecentPost(lost, credentials, { fetch });
      assert.ok(found !== undefined, 'the post made before the time-out is found');
      assert.ok(found.remoteId.includes(made?.id.slice(-11) ?? '-'), `${found.remoteId} is post ${made?.id}`);
      assert.equal(await adapter.findRecentPost(`Jamais publié ${network}`, credentials, { fetch }), undefined);
    });

    test('a rate limit is rate_limited with the time to retry at', async () => {
      server.failNext('rate-limited');
      const error = await expectChannelError(publish('Limité'), 'rate_limited');
      assert.ok(Date.parse(error.retryAt ?? '') > Date.now(), error.retryAt);
      assert.match(error.message, /limite le nombre d’envois/);
    });

    test('the simulated rate limit refuses posts past its quota', async () => {
      const { server: limited, credentials: limitedCredentials } = await startFakeNetworkServer(network, { rateLimit: { max: 2, windowMs: 60_000 } });
      try {
        const post = (n: number) => adapter.publish({ text: `Quota ${n}` }, limitedCredentials, { idempotencyKey: `q${n}`, fetch });
        await post(1);
        await post(2);
        await expectChannelError(post(3), 'rate_limited');
        assert.equal(limited.posts.length, 2);
      } finally {
        await limited.close();
      }
    });

    test('an expired token is auth, a 5xx is unavailable, an unreachable server is unavailable', async () => {
      server.failNext('expired-token');
      if (network === 'bluesky') {
        // A stored Bluesky session that expired is renewed, and the post goes out once.
        const stored = (await adapter.verifyCredentials(credentials, { fetch })).refreshedCredentials ?? credentials;
        const posted = await adapter.publish({ text: text('Expiré') }, stored, { idempotencyKey: 'expire', fetch });
        assert.ok(posted.refreshedCredentials !== undefined);
      } else {
        await expectChannelError(publish('Expiré'), 'auth');
      }
      server.failNext('server-error');
      const error = await expectChannelError(publish('Panne'), 'unavailable');
      assert.equal(error.httpStatus, 503);
      await expectChannelError(adapter.publish({ text: 'Éteint' }, { ...credentials, instance: 'http://127.0.0.1:9' }, { idempotencyKey: 'off', fetch }), 'unavailable');
    });
  });
}
