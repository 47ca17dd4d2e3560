import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpContext } from '../../http/app.js';
import type { FormFields } from '../../http/admin-page.js';
import { countMatchesAfter } from './store.js';

/** How often a stream looks for matches another process recorded (a worker on PostgreSQL). */
const POLL_MS = 5_000;
/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/** Serves the live inbox streams; `close()` ends them all (the server is stopping). */
export interface InboxStreams {
  serve(request: FastifyRequest, reply: FastifyReply): void;
  close(): void;
}

/**
 * Server-sent events for the inbox's live arrival: an `arrivals` event with
 * `{"count": n, "lastMatchId": m}` whenever the number of matches recorded after the page's last
 * one (`?depuis=`, for one watch with `?veille=`) changes. It looks when this process's watches
 * record matches (`relais.matchNotifier`), and every few seconds for other processes'.
 *
 * @example
 * // GET /ecrire/veille/boite/flux?depuis=120&veille=3
 * // event: arrivals
 * // data: {"count":2,"lastMatchId":122}
 */
export function createInboxStreams(http: HttpContext, app: FastifyInstance): InboxStreams {
  const open = new Set<() => void>();
  app.addHook('onClose', async () => { for (const end of [...open]) end(); });
  return {
    serve(request, reply) {
      const query = request.query as FormFields;
      const after = /^\d{1,12}$/.test(query.depuis ?? '') ? Number(query.depuis) : Number.MAX_SAFE_INTEGER;
      const watchId = /^[1-9]\d{0,9}$/.test(query.veille ?? '') ? Number(query.veille) : undefined;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no', 'x-content-type-options': 'nosniff',
      });
      raw.write('retry: 10000\n\n');
      let announced = 0;
      let checking = false;
      let ended = false;
      const check = async () => {
        if (checking || ended) return;
        checking = true;
        try {
          const { count, lastMatchId } = await countMatchesAfter(http.relais.db.kysely, { afterMatchId: after, ...(watchId ? { watchId } : {}) });
          if (count !== announced && !ended) {
            announced = count;
            raw.write(`event: arrivals\ndata: ${JSON.stringify({ count, lastMatchId })}\n\n`);
          }
        } catch (error) {
          http.relais.logger.warn({ err: error }, 'veille.inbox.stream-failed');
        } finally {
          checking = false;
        }
      };
      const unsubscribe = http.relais.matchNotifier.subscribe(() => { void check(); });
      const poll = setInterval(() => { void check(); }, POLL_MS);
      const heartbeat = setInterval(() => { raw.write(': attente\n\n'); }, HEARTBEAT_MS);
      const end = () => {
        if (ended) return;
        ended = true;
        unsubscribe();
        clearInterval(poll);
        clearInterval(heartbeat);
        open.delete(end);
        raw.end();
      };
      open.add(end);
      request.raw.on('close', end);
      void check();
    },
    close() { for (const end of [...open]) end(); },
  };
}
