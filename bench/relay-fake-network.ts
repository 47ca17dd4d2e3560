// A fake Mastodon instance in a process of its own for the relay benchmark (the network is not
// the outbox's process in real life): started by `fork`, it sends its origin, answers `count`
// with the number of posts it took, and ends on `close`.
import { startFakeMastodonServer } from '../src/relay/channels/testdata/fake-mastodon-server.js';

const limit = Number(process.env.RELAY_FAKE_LIMIT ?? 0);
const server = await startFakeMastodonServer(limit > 0 ? { rateLimit: { max: limit, windowMs: 1000 } } : {});
process.send!({ origin: server.origin });
process.on('message', (message) => {
  if (message === 'count') process.send!({ count: server.posts.length });
  if (message === 'close') void server.close().then(() => process.exit(0));
});
