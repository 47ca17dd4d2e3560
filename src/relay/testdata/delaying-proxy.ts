import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A proxy in front of a fake network; `origin` is where clients should point. */
export interface DelayingProxy {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Forwards every request to `target` at once, but holds the answer to the requests `delays`
 * picks for `delayMs`: the network has accepted the post while its sender has no answer yet,
 * the window a crash test kills the sender in.
 */
export async function startDelayingProxy(target: string, delayMs: number, delays: (method: string, path: string) => boolean): Promise<DelayingProxy> {
  const server = createServer((incoming, response) => {
    const url = new URL(incoming.url ?? '/', target);
    const outgoing = httpRequest(url, { method: incoming.method, headers: { ...incoming.headers, host: url.host } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const send = () => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(Buffer.concat(chunks));
        };
        if (delays(incoming.method ?? 'GET', url.pathname)) setTimeout(send, delayMs);
        else send();
      });
    });
    outgoing.on('error', () => response.destroy());
    incoming.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
