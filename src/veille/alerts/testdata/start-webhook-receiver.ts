import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the receiver got, with the verdict of its own signature check. */
export interface ReceivedWebhook {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  readonly body: unknown;
  /** The signature header matched HMAC-SHA256(secret, timestamp + "." + raw body), computed here independently. */
  readonly signed: boolean;
}

/** A webhook endpoint on 127.0.0.1, as an integrator would write one. */
export interface WebhookReceiver {
  url(path: string): string;
  readonly received: ReceivedWebhook[];
  /** Decides the status of the next answer for a path (200 by default). */
  answer(path: string, status: (count: number) => number): void;
  close(): Promise<void>;
}

/** Starts a receiver that checks signatures with `secret`, the way docs/veille-alerts.md tells integrators to. */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const answers = new Map<string, (count: number) => number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      const timestamp = String(request.headers['x-relais-timestamp'] ?? '');
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`);
      const given = Buffer.from(String(request.headers['x-relais-signature'] ?? ''));
      const signed = given.length === expected.length && timingSafeEqual(given, expected);
      let body: unknown;
      try { body = JSON.parse(raw); } catch { body = undefined; }
      received.push({ path, headers: request.headers, raw, body, signed });
      const count = received.filter((r) => r.path === path).length;
      response.writeHead((answers.get(path) ?? (() => 200))(count), { 'content-type': 'text/plain' }).end('reçu');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    answer(path, status) { answers.set(path, status); },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
