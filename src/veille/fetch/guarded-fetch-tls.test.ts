import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGuardedFetch } from './create-guarded-fetch.js';
import { FetchError } from './fetch-error.js';

// HTTPS failures on 127.0.0.1: a certificate nobody vouches for, and a peer that accepts the
// TCP connection but never answers the TLS handshake (the connect time-out covers TLS set-up).

function listening(server: HttpsServer | TcpServer): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('the guarded fetch over HTTPS', () => {
  let dir: string;
  let https: HttpsServer;
  let silent: TcpServer;
  const sockets: Socket[] = [];
  let httpsPort: number;
  let silentPort: number;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relais-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=flux.example.org', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    https = createHttpsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (_req, res) => res.end('<rss/>'),
    );
    httpsPort = await listening(https);
    silent = createTcpServer((socket) => void sockets.push(socket));
    silentPort = await listening(silent);
  });
  after(() => {
    https?.close();
    for (const socket of sockets) socket.destroy();
    silent?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const fetchResource = createGuardedFetch({
    publicUrl: 'https://www.ville-exemple.fr',
    allowHosts: ['127.0.0.1'],
    resolve: async () => ['127.0.0.1'],
    connectTimeoutMs: 300,
  });

  test('refuses a self-signed certificate with a plain French message', async () => {
    const error = await fetchResource(`https://flux.example.org:${httpsPort}/`).catch((caught: unknown) => caught);
    assert.ok(error instanceof FetchError, String(error));
    assert.equal(error.code, 'tls', error.detail);
    assert.equal(error.message, 'La connexion sécurisée (HTTPS) avec le serveur a échoué : certificat invalide ou expiré.');
    assert.match(error.detail, /SELF_SIGNED/);
  });

  test('gives up on a handshake that never ends after the connect time-out', async () => {
    const startedAt = performance.now();
    const error = await fetchResource(`https://flux.example.org:${silentPort}/`).catch((caught: unknown) => caught);
    assert.ok(error instanceof FetchError, String(error));
    assert.equal(error.code, 'connect-timeout', error.detail);
    assert.equal(error.message, 'Impossible de joindre le serveur dans les 0,3 seconde.');
    assert.ok(performance.now() - startedAt < 2_000);
  });
});
