import type { ChannelAdapter, NetworkName, PublishedPost } from '../channels/channel-adapter.js';
import { ChannelError, type ChannelErrorKind } from '../channels/channel-error.js';

/** A post the fake adapter accepted. */
export interface FakePost {
  readonly remoteId: string;
  readonly text: string;
  readonly idempotencyKey: string;
  readonly token: string;
}

/** What the next `publish` does instead of succeeding; `sent-then-<kind>` records the post first. */
export type FakeAdapterFault = ChannelErrorKind | `sent-then-${ChannelErrorKind}` | 'crash';

/** An in-memory adapter for the relay's tests: records posts, counts graphemes, fails on demand. */
export interface FakeChannelAdapter extends ChannelAdapter {
  readonly posts: FakePost[];
  readonly lookups: string[];
  failNext(...faults: FakeAdapterFault[]): void;
}

/**
 * A network for tests without HTTP: `maxLength` graphemes (links counted as 23, as Mastodon
 * does), posts kept in memory, faults injected per call.
 */
export function createFakeChannelAdapter(network: NetworkName = 'mastodon', maxLength = 500): FakeChannelAdapter {
  const posts: FakePost[] = [];
  const lookups: string[] = [];
  const faults: FakeAdapterFault[] = [];
  const segmenter = new Intl.Segmenter('fr', { granularity: 'grapheme' });
  const countLength = (text: string) => [...segmenter.segment(text.replace(/https?:\/\/\S+/g, 'x'.repeat(23)))].length;
  const error = (kind: ChannelErrorKind) => new ChannelError(kind, network, `Le réseau a répondu : ${kind}.`, `fake ${kind}`,
    kind === 'rate_limited' ? { retryAt: new Date(Date.now() + 60_000).toISOString() } : {});
  const toPublished = (post: FakePost): PublishedPost => ({ remoteId: post.remoteId, url: `https://fake.example/${post.remoteId}` });
  return {
    network,
    posts,
    lookups,
    failNext: (...more) => { faults.push(...more); },
    limits: () => ({ maxLength, maxMedia: 4 }),
    countLength,
    async verifyCredentials(credentials) {
      if (credentials.accessToken === 'mauvais-jeton-0000') throw error('auth');
      return { accountName: '@relais@fake.example' };
    },
    async publish(post, credentials, ctx) {
      const fault = faults.shift();
      if (fault === 'crash') throw new Error('boom');
      const record = () => {
        const recorded = { remoteId: String(posts.length + 1), text: post.text, idempotencyKey: ctx.idempotencyKey, token: credentials.accessToken };
        posts.push(recorded);
        return recorded;
      };
      if (fault?.startsWith('sent-then-')) {
        record();
        throw error(fault.slice('sent-then-'.length) as ChannelErrorKind);
      }
      if (fault !== undefined) throw error(fault as ChannelErrorKind);
      return toPublished(record());
    },
    async findRecentPost(marker) {
      lookups.push(marker);
      const found = [...posts].reverse().find((p) => p.text === marker);
      return found && toPublished(found);
    },
  };
}
