import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors.js';
import { FetchError, type FetchErrorCode } from './fetch-error.js';

const CODES: readonly FetchErrorCode[] = [
  'bad-url', 'unsupported-scheme', 'credentials-in-url', 'private-address', 'dns', 'timeout', 'connect-timeout',
  'too-large', 'too-many-redirects', 'http-status', 'tls', 'connection', 'bad-encoding', 'aborted',
];

describe('FetchError', () => {
  test('says what happened in plain French, keeping the technical detail apart', () => {
    const error = new FetchError('timeout', 'flux.example.org:443 : délai total de 30 s dépassé', { limit: 30 });
    assert.equal(error.message, 'Le serveur n’a pas répondu dans les 30 secondes.');
    assert.equal(error.detail, 'flux.example.org:443 : délai total de 30 s dépassé');
    assert.equal(error.code, 'timeout');
    assert.ok(error instanceof AppError);
    assert.equal(new FetchError('too-large', 'x', { limit: 10_000_000 }).message, 'La réponse du serveur dépasse la taille maximale de 10 Mo.');
    assert.equal(new FetchError('http-status', 'x', { httpStatus: 403 }).message, 'Le serveur refuse l’accès à cette adresse (erreur 403).');
  });

  test('has a French sentence for every code, free of the detail, addresses and English', () => {
    for (const code of CODES) {
      const { message } = new FetchError(code, 'ECONNRESET 10.0.0.1 /srv/secret', { limit: 5, httpStatus: 500 });
      assert.match(message, /^[A-ZÀ-Ý].*\.$/u, `${code}: ${message}`);
      assert.doesNotMatch(message, /ECONNRESET|10\.0\.0\.1|\/srv|undefined|NaN/, code);
    }
  });
});
