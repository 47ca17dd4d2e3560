import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../http/app.js';
import { sendCachedPage } from '../http/cached-page.js';
import type { CachedPage } from '../http/page-cache.js';
import { NotFoundError } from '../errors.js';
import { findPublicBySlug } from '../blog/store.js';
import { buildCommentsFeed } from './comments-feed.js';
import { listLatestPublishedContributions } from './store.js';

const FEED_SIZE = 30;
const RSS = 'application/rss+xml; charset=utf-8';

/**
 * The forum's RSS feeds: the whole site's latest published messages (`/forum.xml`) and one
 * article's (`/article/<slug>/forum.xml`). Cached like pages: any moderation bumps the version.
 */
export function registerForumFeedRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, now } = http.relais;

  app.get('/forum.xml', (request, reply) => sendCachedPage(http, request, reply, async (ctx): Promise<CachedPage> => {
    const contributions = await listLatestPublishedContributions(db.kysely, { now: now(), limit: FEED_SIZE });
    return { status: 200, contentType: RSS, body: buildCommentsFeed({ settings: ctx.site.settings, t: ctx.t, publicUrl: ctx.publicUrl, contributions }) };
  }));

  app.get<{ Params: { slug: string } }>('/article/:slug/forum.xml', (request, reply) => sendCachedPage(http, request, reply, async (ctx): Promise<CachedPage> => {
    const article = await findPublicBySlug(db.kysely, request.params.slug, now());
    if (article?.kind !== 'article') throw new NotFoundError();
    const contributions = await listLatestPublishedContributions(db.kysely, { now: now(), articleId: article.id, limit: FEED_SIZE });
    return { status: 200, contentType: RSS, body: buildCommentsFeed({ settings: ctx.site.settings, t: ctx.t, publicUrl: ctx.publicUrl, article, contributions }) };
  }));
}
