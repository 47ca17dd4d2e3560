import type { FastifyInstance, FastifyReply } from 'fastify';
import type { HttpContext } from '../http/app.js';
import { sendCachedPage } from '../http/cached-page.js';
import type { PublicContext } from '../http/layout.js';
import type { CachedPage } from '../http/page-cache.js';
import { renderDocument } from '../http/render.js';
import { NotFoundError } from '../errors.js';
import { isPublicAt, type Article } from './article.js';
import { renderArticleText } from './article-text.js';
import { buildFeed } from './feeds.js';
import { loadRelated } from './related.js';
import { buildSitemap } from './sitemap.js';
import { loadArticleMedia } from './article-logo.js';
import { createDocumentResolver } from '../media/document-resolver.js';
import {
  countPublicArticles, findArticleById, findPublicBySlug, findSectionBySlug, findSlugRedirect, listAllPublic, listPublicArticles,
} from './store.js';
import { renderArticlePage } from './views/article-page.js';
import { articleForum } from '../forum/article-forum.js';
import { countPublishedContributions } from '../forum/store.js';
import { HomePage, SectionPage } from './views/list-pages.js';
import { findOldAddressRedirect } from '../import/spip/redirect-old-address.js';

const PER_PAGE = 10;
const FEED_SIZE = 20;
const HTML = 'text/html; charset=utf-8';

const html = (body: string): CachedPage => ({ status: 200, contentType: HTML, body });

/** `?page=N` as a positive integer; anything else is not a page of this list. */
function pageNumber(query: unknown): number {
  const raw = (query as Record<string, string | undefined>).page;
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new NotFoundError();
  return Number(raw);
}

/** The sections whose articles a section page lists: itself and everything below it. */
function sectionAndBelow(ctx: PublicContext, rootId: number): number[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) ids.push(...ctx.site.sections.filter((s) => s.parentId === ids[i]).map((s) => s.id));
  return ids;
}

/** The public site: home, sections, articles, footer pages, feeds, sitemap, robots.txt. */
export function registerBlogRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, now } = http.relais;

  async function listPage(ctx: PublicContext, page: number, sectionIds?: number[]) {
    const total = await countPublicArticles(db.kysely, { now: now(), sectionIds });
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    if (page > pages) throw new NotFoundError();
    const articles = await listPublicArticles(db.kysely, { now: now(), sectionIds, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    const [comments, media] = await Promise.all([countPublishedContributions(db.kysely, articles.map((a) => a.id)), loadArticleMedia(db.kysely, articles)]);
    return { articles, pages, comments, media };
  }

  async function articleResponse(ctx: PublicContext, slug: string, kind: Article['kind']): Promise<CachedPage> {
    const article = await findPublicBySlug(db.kysely, slug, now());
    if (article?.kind === kind) {
      const forum = kind === 'article' ? await articleForum(db.kysely, http.relais.forum, article, ctx.site.settings) : undefined;
      const related = await loadRelated(db.kysely, article, now());
      return html(renderArticlePage(ctx, article, related, await loadArticleMedia(db.kysely, related, [article]), forum));
    }
    // `/article/12` is the stable address the SPIP renderer gives `[->art12]`: it leads to the slug.
    const moved = kind !== 'article' ? undefined
      : /^\d{1,9}$/.test(slug) ? await findArticleById(db.kysely, Number(slug)) : await findSlugRedirect(db.kysely, slug);
    if (moved && moved.slug !== slug && moved.kind === 'article' && isPublicAt(moved, now())) {
      return { status: 301, contentType: 'text/plain; charset=utf-8', body: '', headers: { location: `/article/${moved.slug}` } };
    }
    throw new NotFoundError();
  }

  async function feedResponse(ctx: PublicContext, format: 'rss' | 'atom', sectionSlug?: string): Promise<CachedPage> {
    const section = sectionSlug === undefined ? undefined : await findSectionBySlug(db.kysely, sectionSlug);
    if (sectionSlug !== undefined && !section) throw new NotFoundError();
    const articles = await listPublicArticles(db.kysely, {
      now: now(), limit: FEED_SIZE, offset: 0, sectionIds: section ? sectionAndBelow(ctx, section.id) : undefined,
    });
    const media = await loadArticleMedia(db.kysely, [], articles);
    const resolve = createDocumentResolver(media, ctx.publicUrl);
    const feed = buildFeed({ settings: ctx.site.settings, publicUrl: ctx.publicUrl, section, articles, media, render: (text) => renderArticleText(text, ctx.site.settings.language, resolve) });
    return format === 'rss'
      ? { status: 200, contentType: 'application/rss+xml; charset=utf-8', body: feed.rss2() }
      : { status: 200, contentType: 'application/atom+xml; charset=utf-8', body: feed.atom1() };
  }

  /** An old SPIP address (imported with `relais import spip`) answers 301 to its new page; anything else is the 404 page. */
  async function oldAddress(url: string, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const location = await findOldAddressRedirect(db.kysely, url, now());
    return location === undefined ? undefined : reply.code(301).header('location', location).header('cache-control', 'no-cache').send();
  }
  app.get('/*', async (request, reply) => (await oldAddress(request.url, reply)) ?? Promise.reject(new NotFoundError()));

  app.get('/', async (request, reply) => (request.url.startsWith('/?') && !/^\/\?page=\d+$/.test(request.url) ? await oldAddress(request.url, reply) : undefined)
    ?? sendCachedPage(http, request, reply, async (ctx) => {
    const page = pageNumber(request.query);
    return html(renderDocument(HomePage({ ctx, page, ...(await listPage(ctx, page)) })));
  }));

  app.get<{ Params: { slug: string } }>('/rubrique/:slug', (request, reply) => sendCachedPage(http, request, reply, async (ctx) => {
    const section = ctx.site.sections.find((s) => s.slug === request.params.slug);
    if (!section) {
      const byId = ctx.site.sections.find((s) => String(s.id) === request.params.slug);
      if (byId) return { status: 301, contentType: 'text/plain; charset=utf-8', body: '', headers: { location: `/rubrique/${byId.slug}` } };
      throw new NotFoundError();
    }
    const page = pageNumber(request.query);
    return html(renderDocument(SectionPage({ ctx, section, page, ...(await listPage(ctx, page, sectionAndBelow(ctx, section.id))) })));
  }));

  app.get<{ Params: { slug: string } }>('/article/:slug', (request, reply) =>
    sendCachedPage(http, request, reply, (ctx) => articleResponse(ctx, request.params.slug, 'article')));
  app.get<{ Params: { slug: string } }>('/page/:slug', (request, reply) =>
    sendCachedPage(http, request, reply, (ctx) => articleResponse(ctx, request.params.slug, 'page')));

  app.get('/feed.xml', (request, reply) => sendCachedPage(http, request, reply, (ctx) => feedResponse(ctx, 'rss')));
  app.get('/atom.xml', (request, reply) => sendCachedPage(http, request, reply, (ctx) => feedResponse(ctx, 'atom')));
  app.get<{ Params: { slug: string } }>('/rubrique/:slug/feed.xml', (request, reply) =>
    sendCachedPage(http, request, reply, (ctx) => feedResponse(ctx, 'rss', request.params.slug)));
  app.get<{ Params: { slug: string } }>('/rubrique/:slug/atom.xml', (request, reply) =>
    sendCachedPage(http, request, reply, (ctx) => feedResponse(ctx, 'atom', request.params.slug)));

  app.get('/sitemap.xml', (request, reply) => sendCachedPage(http, request, reply, async (ctx) => {
    const [pages, articles] = await Promise.all([
      listAllPublic(db.kysely, { now: now(), kind: 'page', limit: 1000 }),
      listAllPublic(db.kysely, { now: now(), kind: 'article', limit: 50_000 }),
    ]);
    return { status: 200, contentType: 'application/xml; charset=utf-8', body: buildSitemap(ctx.publicUrl, ctx.site.sections, pages, articles) };
  }));

  app.get('/robots.txt', (_request, reply) => reply
    .header('content-type', 'text/plain; charset=utf-8')
    .send(`User-agent: *\nDisallow: /ecrire/\nSitemap: ${http.relais.config.publicUrl}/sitemap.xml\n`));
}
