import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NETWORK_NAMES, type NetworkName } from '../src/relay/channels/channel-adapter.js';
import { createChannels } from '../src/relay/channels/channels.js';
import { countGraphemes } from '../src/relay/channels/count-graphemes.js';
import { startFakeNetworkServer } from '../src/relay/channels/testdata/fake-servers.js';
import { createGuardedFetch } from '../src/veille/fetch/create-guarded-fetch.js';
import { fmt, median, medianRatio } from './stats.js';

const POSTS = 200;
const AT_ONCE = 8;
const ROUNDS = 3;
const TEXTS = 2_000;

const fetch = () => createGuardedFetch({ publicUrl: 'https://relais.test', allowHosts: ['127.0.0.1'] });

async function timed(count: number, send: (index: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let from = 0; from < count; from += AT_ONCE) {
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, count - from) }, (_, i) => send(from + i)));
  }
  return count / ((performance.now() - t0) / 1000);
}

/** Posts a second through one adapter against its local contract server (same process). */
async function adapterRate(network: NetworkName): Promise<number> {
  const { server, credentials } = await startFakeNetworkServer(network);
  const adapter = createChannels({ mediaPollMs: 1, containerPollMs: 1 })[network];
  const client = fetch();
  try {
    const rate = await timed(POSTS, (i) => adapter.publish(
      { text: `Bench ${randomUUID()} n° ${i} : « conseil » 🎉 https://www.ville-exemple.fr/article/${i}` }, credentials, { idempotencyKey: randomUUID(), fetch: client },
    ));
    if (server.posts.length !== POSTS) throw new Error(`${network}: ${server.posts.length} posts for ${POSTS}`);
    return rate;
  } finally {
    await server.close();
  }
}

/** Baseline: one JSON POST per post through the same guarded client to a server that only answers {}. */
async function rawRate(): Promise<number> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/post`;
  const client = fetch();
  try {
    return await timed(POSTS, (i) => client(url, { method: 'POST', body: JSON.stringify({ text: `Bench ${i}` }), headers: { 'content-type': 'application/json' } }));
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function countingRate(count: (text: string) => number, texts: readonly string[]): number {
  const t0 = performance.now();
  let total = 0;
  for (const text of texts) total += count(text);
  if (total <= 0) throw new Error('nothing counted');
  return texts.length / ((performance.now() - t0) / 1000);
}

/**
 * Each network adapter alone against its local contract server: posts per second (a post is 1
 * request on Mastodon, Facebook, X and LinkedIn, 2 + session on Bluesky, 3 on Threads), against
 * the baseline of one bare POST through the same guarded client; then each network's length
 * counting, texts per second, against plain grapheme counting.
 */
export async function runRelayChannelsBench(): Promise<void> {
  const channels = createChannels();
  const rates = new Map<NetworkName, number[]>(NETWORK_NAMES.map((network) => [network, []]));
  const raw: number[] = [];
  await rawRate(); // warm-up: the first round would otherwise pay for the JIT
  for (let round = 0; round < ROUNDS; round += 1) {
    raw.push(await rawRate());
    for (const network of NETWORK_NAMES) rates.get(network)?.push(await adapterRate(network));
  }
  console.log(`relay channels: ${POSTS} posts per network, ${AT_ONCE} at once (guarded client: 2 per host), server in the same process, medians of ${ROUNDS} rounds`);
  console.log(`  baseline: one bare POST through the guarded client   ${fmt(median(raw), 0)} requests/s`);
  for (const network of NETWORK_NAMES) {
    const values = rates.get(network) ?? [];
    console.log(`  ${network.padEnd(9)} ${fmt(median(values), 0).padStart(8)} posts/s   ${fmt(medianRatio(values, raw))}× the baseline`);
  }
  const sample = ['Été à Noël 👨‍👩‍👧‍👦 🇫🇷', `«\u202fBonjour\u202f»\u202f: ça va\u202f?`, 'Lire https://www.ville-exemple.fr/actualites/2027/conseil-municipal #Conseil', 'e\u0301te\u0301 日本語 @mairie@mastodon.exemple.fr'];
  const texts = Array.from({ length: TEXTS }, (_, i) => `${sample[i % sample.length]} n° ${i}`.repeat(1 + (i % 5)));
  const base: number[] = [];
  countingRate(countGraphemes, texts); // warm-up
  const counted = new Map<NetworkName, number[]>(NETWORK_NAMES.map((network) => [network, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    base.push(countingRate(countGraphemes, texts));
    for (const network of NETWORK_NAMES) counted.get(network)?.push(countingRate(channels[network].countLength, texts));
  }
  console.log(`  counting, ${TEXTS} French texts with emoji, links and U+202F: baseline graphemes only ${fmt(median(base), 0)} texts/s`);
  for (const network of NETWORK_NAMES) {
    const values = counted.get(network) ?? [];
    console.log(`  ${network.padEnd(9)} ${fmt(median(values), 0).padStart(10)} texts/s   ${fmt(medianRatio(values, base))}× the baseline`);
  }
}
