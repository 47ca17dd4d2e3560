import { createHash, createHmac } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import { checkedKey } from './disk-storage.js';
import type { MediaStorage, StoredObject } from './media-storage.js';

/** `S3_URL` and its keys: path-style addressing, `https://s3.example.net/bucket`. */
export interface S3Settings {
  /** Endpoint and bucket, e.g. `https://s3.fr-par.scw.cloud/mairie-media`. */
  readonly url: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

const hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const EMPTY_HASH = hex('');

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/**
 * Signs a request with AWS Signature Version 4 (the S3 API reference, "Authenticating Requests:
 * Using the Authorization Header"); returns the headers to send.
 */
export function signS3Request(settings: S3Settings, method: string, url: URL, payloadHash: string, extra: Readonly<Record<string, string>>, now: Date): Record<string, string> {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = { ...extra, host: url.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
  const names = Object.keys(headers).map((n) => n.toLowerCase()).sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim()]));
  const canonical = [method, url.pathname, '', ...names.map((n) => `${n}:${lower[n]}`), '', names.join(';'), payloadHash].join('\n');
  const scope = `${day}/${settings.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${settings.secretAccessKey}`, day), settings.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${settings.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}` };
}

class S3Error extends Error {
  override readonly name = 'S3Error';
}

/**
 * Media in S3-compatible object storage (AWS, Scaleway, OVHcloud, MinIO, Garage…), so several web
 * processes share the files. Only PutObject, GetObject, HeadObject and DeleteObject are used;
 * bodies stream both ways. The endpoint is the operator's own infrastructure, set in the
 * environment like `DATABASE_URL` or `SMTP_URL`, not an address taken from content: it does not go
 * through the guarded fetcher, which is for those.
 */
export function createS3Storage(settings: S3Settings, options: { now?: () => Date; timeoutMs?: number } = {}): MediaStorage {
  const base = new URL(settings.url.replace(/\/+$/, ''));
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 60_000;

  function send(method: string, key: string, payloadHash: string, extra: Record<string, string>, body?: NodeJS.ReadableStream): Promise<IncomingMessage> {
    const url = new URL(`${base.pathname}/${checkedKey(key)}`, base);
    const headers = signS3Request(settings, method, url, payloadHash, extra, now());
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(url, { method, headers, timeout: timeoutMs }, resolve);
      req.on('timeout', () => req.destroy(new S3Error(`S3 ${method} ${key}: no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      if (body) body.pipe(req).on('error', reject);
      else req.end();
    });
  }

  async function expect(response: IncomingMessage, ok: readonly number[], what: string): Promise<void> {
    if (ok.includes(response.statusCode ?? 0)) return;
    let text = '';
    for await (const chunk of response) if (text.length < 2000) text += String(chunk);
    throw new S3Error(`S3 ${what}: HTTP ${response.statusCode} ${text.slice(0, 300)}`);
  }

  return Object.freeze({
    name: 's3',
    async put(key: string, filePath: string, contentType: string) {
      const [{ size }, hash] = await Promise.all([stat(filePath), fileSha256(filePath)]);
      const response = await send('PUT', key, hash, { 'content-type': contentType, 'content-length': String(size) }, createReadStream(filePath));
      await expect(response, [200], `PutObject ${key}`);
      response.resume();
    },
    async get(key: string): Promise<StoredObject | undefined> {
      const response = await send('GET', key, EMPTY_HASH, {});
      if (response.statusCode === 404) {
        response.resume();
        return undefined;
      }
      await expect(response, [200], `GetObject ${key}`);
      return { body: response, bytes: Number(response.headers['content-length'] ?? 0) };
    },
    async has(key: string) {
      const response = await send('HEAD', key, EMPTY_HASH, {});
      response.resume();
      if (response.statusCode === 404) return false;
      await expect(response, [200], `HeadObject ${key}`);
      return true;
    },
    async delete(key: string) {
      const response = await send('DELETE', key, EMPTY_HASH, {});
      await expect(response, [200, 204, 404], `DeleteObject ${key}`);
      response.resume();
    },
  });
}
