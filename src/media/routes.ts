import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../errors.js';
import type { HttpContext } from '../http/app.js';
import { registerMediaAdminRoutes } from './admin-routes.js';
import { MEDIA_KEY } from './media-keys.js';
import { MIME_BY_EXTENSION } from './sniff-media-type.js';

/** A year, the most RFC 9111 §5.2.2.1 suggests; `immutable` (RFC 8246): a content-hash name never changes meaning. */
const FOREVER = 'public, max-age=31536000, immutable';
const IMAGE_EXTENSIONS = new Set(['jpg', 'png', 'webp', 'avif', 'gif']);

/**
 * Serves stored media at `/media/<key>` from whichever storage is configured, with long cache
 * lifetimes: keys are content hashes, so a replaced file gets a new address. Documents are
 * served in a sandbox (a PDF or CSV never runs script on the site's origin); CSV and office
 * files are downloaded rather than shown. Also registers the back office's library screens.
 */
export async function registerMediaRoutes(app: FastifyInstance, http: HttpContext): Promise<void> {
  const { mediaStorage } = http.relais;
  await registerMediaAdminRoutes(app, http);
  app.get<{ Params: { '*': string } }>('/media/*', async (request, reply) => {
    const key = request.params['*'];
    if (!MEDIA_KEY.test(key)) throw new NotFoundError();
    const extension = key.slice(key.lastIndexOf('.') + 1);
    const type = MIME_BY_EXTENSION.get(extension);
    if (!type) throw new NotFoundError();
    const etag = `"${key.slice(3, key.lastIndexOf('.'))}"`;
    reply.header('cache-control', FOREVER).header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    const object = await mediaStorage.get(key);
    if (!object) throw new NotFoundError();
    reply.header('content-type', type).header('content-length', String(object.bytes));
    if (!IMAGE_EXTENSIONS.has(extension)) {
      reply.header('content-security-policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      if (extension !== 'pdf') reply.header('content-disposition', `attachment; filename="document.${extension}"`);
    }
    return reply.send(object.body);
  });
}
