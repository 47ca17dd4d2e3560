import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one path of a test server. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** A real HTTP server on a loopback address, answering from a table of paths. */
export interface RouteServer {
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: IncomingMessage[];
  /** `http://<host>:<port><path>`. */
  url(path: string, host?: string): string;
  close(): Promise<void>;
}

/**
 * Starts a node:http server on `host` (127.0.0.1 by default) and `port` (any free one by default).
 *
 * @example
 * const server = await startRouteServer({ '/feed': (req, res) => res.end('<rss/>') });
 */
export async function startRouteServer(
  routes: Readonly<Record<string, RouteHandler>>,
  host = '127.0.0.1',
  port = 0,
): Promise<RouteServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    requests.push(request);
    const handler = routes[new URL(request.url ?? '/', 'http://x').pathname];
    if (handler) handler(request, response);
    else response.writeHead(404).end('introuvable');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    requests,
    url: (path, name = host) => `http://${name}:${bound}${path}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
