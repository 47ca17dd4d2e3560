import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FetchError } from '../../veille/fetch/fetch-error.js';
import { ChannelError } from './channel-error.js';
import { MASTODON } from './mastodon/mastodon-profile.js';
import { readNetworkReason } from './read-network-reason.js';
import { toChannelError } from './to-channel-error.js';

const NOW = new Date('2026-11-29T15:00:00.000Z');
const POST = { sent: true, now: NOW };
const GET = { sent: false, now: NOW };
const refused = (status: number, body: string, headers: Record<string, string> = {}) =>
  new FetchError('http-status', `https://mastodon.exemple.fr/api/v1/statuses : HTTP ${status}`, { httpStatus: status, response: { headers, body } });
const broken = (code: string) => new FetchError('connection', `mastodon.exemple.fr : ${code}`, {}, { cause: Object.assign(new Error(code), { code }) });

describe('toChannelError', () => {
  test('a 429 without a reset header waits the network’s documented window', () => {
    const error = toChannelError(refused(429, '{"error":"Too many requests"}'), MASTODON, POST);
    assert.equal(error.kind, 'rate_limited');
    assert.equal(error.retryAt, '2026-11-29T15:05:00.000Z');
  });

  test('a gateway time-out after sending leaves the outcome unknown; before, it is unavailable', () => {
    assert.equal(toChannelError(refused(504, ''), MASTODON, POST).kind, 'unknown_outcome');
    assert.equal(toChannelError(refused(504, ''), MASTODON, GET).kind, 'unavailable');
    assert.equal(toChannelError(refused(502, ''), MASTODON, POST).kind, 'unavailable');
  });

  test('a connection refused never sent anything; a connection reset after sending may have', () => {
    assert.equal(toChannelError(broken('ECONNREFUSED'), MASTODON, POST).kind, 'unavailable');
    assert.equal(toChannelError(broken('ECONNRESET'), MASTODON, POST).kind, 'unknown_outcome');
    assert.equal(toChannelError(broken('ECONNRESET'), MASTODON, GET).kind, 'unavailable');
    assert.equal(toChannelError(new FetchError('timeout', 'délai', { limit: 30 }), MASTODON, POST).kind, 'unknown_outcome');
  });

  test('an address refused by the guarded client is a configuration to fix, not a retry', () => {
    const error = toChannelError(new FetchError('private-address', '10.0.0.1'), MASTODON, POST);
    assert.equal(error.kind, 'rejected');
    assert.match(error.message, /réseau privé/);
  });

  test('the detail and messages never carry the request’s headers', () => {
    const error = toChannelError(refused(422, '{"error":"Validation failed"}'), MASTODON, POST);
    assert.ok(error instanceof ChannelError);
    assert.doesNotMatch(`${error.message} ${error.detail}`, /Bearer/);
    assert.equal(error.message, 'Mastodon a refusé la publication, jugée invalide (erreur 422). Message du réseau : « Validation failed »');
  });

  test('anything that is not a fetch failure is rethrown as it is', () => {
    assert.throws(() => toChannelError(new TypeError('bug'), MASTODON, POST), TypeError);
  });
});

describe('readNetworkReason', () => {
  test('reads each network’s error shape', () => {
    assert.equal(readNetworkReason('{"error":"Record not found"}'), 'Record not found');
    assert.equal(readNetworkReason('{"error":"ExpiredToken","message":"Token has expired"}'), 'Token has expired');
    assert.equal(readNetworkReason('{"error":{"message":"(#100) Invalid parameter","code":100,"error_user_msg":"Le lien est invalide"}}'), 'Le lien est invalide');
    assert.equal(readNetworkReason('{"title":"Forbidden","detail":"You are not allowed to create a Tweet with duplicate content.","status":403}'), 'You are not allowed to create a Tweet with duplicate content.');
    assert.equal(readNetworkReason('{"errors":[{"message":"Your media IDs are invalid."}]}'), 'Your media IDs are invalid.');
    assert.equal(readNetworkReason('<html><body><h1>503 Service Unavailable</h1></body></html>'), '503 Service Unavailable');
    assert.equal(readNetworkReason(''), undefined);
  });
});
