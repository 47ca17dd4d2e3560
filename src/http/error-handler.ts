import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, RateLimitError } from '../errors.js';
import type { MessageKey } from '../i18n/translate.js';

/** Draws an error page for a status and message keys; supplied by the app (it needs the site's layout). */
export type ErrorPageRenderer = (request: FastifyRequest, status: number, title: MessageKey, text: MessageKey) => Promise<string>;

/**
 * The one place errors become HTTP: known errors get their status and a plain-French page;
 * anything else is logged with its cause and shown as a bare 500 page. No stack, path or SQL
 * ever reaches the response.
 */
export function registerErrorHandling(app: FastifyInstance, renderErrorPage: ErrorPageRenderer): void {
  async function send(request: FastifyRequest, reply: FastifyReply, status: number, key: 'error.404' | 'error.403' | 'error.400' | 'error.409' | 'error.csrf' | 'error.429' | 'error.500') {
    let body: string;
    try {
      body = await renderErrorPage(request, status, `${key}.title`, `${key}.text`);
    } catch (error) {
      request.log.error({ err: error }, 'http.error_page.failed');
      body = '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Erreur</title></head><body><main><h1>Le site rencontre un problème</h1><p>Réessayez dans quelques instants.</p></main></body></html>';
    }
    return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  }

  app.setNotFoundHandler((request, reply) => send(request, reply, 404, 'error.404'));

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof RateLimitError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return send(request, reply, 429, 'error.429');
    }
    if (error instanceof AppError) {
      if (error.status === 404) return send(request, reply, 404, 'error.404');
      if (error.status === 403) return send(request, reply, 403, 'error.403');
      // A move the current state forbids (RFC 9110 §15.5.10): say so plainly, not "the form could not be read".
      if (error.status === 409) return send(request, reply, 409, 'error.409');
      if (error.status < 500) return send(request, reply, error.status, 'error.400');
    }
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      return send(request, reply, 403, 'error.csrf');
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      request.log.info({ code: error.code }, 'http.request.rejected');
      return send(request, reply, status, status === 404 ? 'error.404' : 'error.400');
    }
    request.log.error({ err: error }, 'http.request.failed');
    return send(request, reply, 500, 'error.500');
  });
}
