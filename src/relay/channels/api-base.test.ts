import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiBase } from './api-base.js';
import { ChannelError } from './channel-error.js';
import { MASTODON } from './mastodon/mastodon-profile.js';

describe('apiBase', () => {
  test('takes the page’s instance as written, https:// when no scheme is given, without trailing slash', () => {
    assert.equal(apiBase({ accessToken: 't', instance: 'https://mastodon.exemple.fr/' }, MASTODON), 'https://mastodon.exemple.fr');
    assert.equal(apiBase({ accessToken: 't', instance: ' mastodon.exemple.fr ' }, MASTODON), 'https://mastodon.exemple.fr');
    assert.equal(apiBase({ accessToken: 't', instance: 'http://127.0.0.1:8080' }, MASTODON), 'http://127.0.0.1:8080');
  });

  test('falls back to the official base, and refuses a page with neither', () => {
    assert.equal(apiBase({ accessToken: 't' }, MASTODON, 'https://bsky.social'), 'https://bsky.social');
    assert.throws(() => apiBase({ accessToken: 't' }, MASTODON), (error: unknown) => error instanceof ChannelError && error.kind === 'rejected');
  });
});
