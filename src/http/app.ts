import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Relais } from '../main.js';
import { deriveKey } from '../secrets/secret-key.js';
import { translator } from '../i18n/translate.js';
import { createSiteSnapshots, type SiteSnapshots } from '../site/site-snapshot.js';
import { registerAssets, type Assets } from './assets.js';
import { registerErrorHandling } from './error-handler.js';
import { ErrorPage } from './error-page.js';
import type { PublicContext } from './layout.js';
import { createPageCache, type PageCache } from './page-cache.js';
import { renderDocument } from './render.js';
import { registerVisitor } from './visitor.js';
import { registerBlogRoutes } from '../blog/routes.js';
import { registerAccountRoutes } from '../accounts/routes.js';
import { registerBlogAdminRoutes } from '../blog/admin-routes.js';
import { registerAccountAdminRoutes } from '../accounts/admin-routes.js';
import { registerAuditRoutes } from '../audit/routes.js';
import { registerSiteAdminRoutes } from '../site/admin-routes.js';
import { registerForumRoutes } from '../forum/routes.js';
import { registerForumAdminRoutes } from '../forum/admin-routes.js';
import { registerForumMailLinkRoutes } from '../forum/notifications/mail-link-routes.js';
import { registerMediaRoutes } from '../media/routes.js';
import { registerForumPrivacyAdminRoutes } from '../forum/privacy/admin-routes.js';
import { registerForumLimitsRoutes } from '../forum/limits-routes.js';
import { registerForumFeedRoutes } from '../forum/feed-routes.js';
import { registerSourcesAdminRoutes } from '../veille/sources/admin-routes.js';
import { registerRelayAdminRoutes } from '../relay/admin-routes.js';
import { registerInboxRoutes } from '../veille/inbox/routes.js';
import { registerWatchAdminRoutes } from '../veille/watches/admin-routes.js';
import { registerSearchRoutes } from '../veille/search/routes.js';
import { registerDashboardRoutes } from '../veille/dashboard/routes.js';
import { registerAlertAdminRoutes } from '../veille/alerts/admin-routes.js';

/** Sent with every response (a callback hook: it runs on every page view, a promise would cost more). */
const SECURITY_HEADERS = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
});

/** What route modules receive: the wired application and the HTTP-level helpers. */
export interface HttpContext {
  readonly relais: Relais;
  readonly assets: Assets;
  readonly snapshots: SiteSnapshots;
  readonly pageCache: PageCache;
  /** Cookies get `Secure` when the public address is https. */
  readonly secureCookies: boolean;
  /** The context public views render with, at the current (or given) site version. */
  publicContext(version?: number): Promise<PublicContext>;
}

/** A route module: each feature registers its own routes. */
export type RouteModule = (app: FastifyInstance, http: HttpContext) => void | Promise<void>;

/**
 * Builds the HTTP application without listening, so tests use `inject()` and `relais serve`
 * calls `listen()`. Fastify is only the shell: routes call services, views escape by default.
 */
export async function buildApp(relais: Relais, extraRoutes: readonly RouteModule[] = []): Promise<FastifyInstance> {
  const { config } = relais;
  const app = Fastify({
    loggerInstance: relais.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy.length > 0 ? [...config.trustProxy] : false,
    bodyLimit: 2 * 1024 * 1024,
    return503OnClosing: true,
  });
  const secureCookies = config.publicUrl.startsWith('https://');
  await app.register(fastifyCookie, { secret: deriveKey(relais.secretKey, 'cookies').toString('hex') });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, { cookieKey: 'relais_csrf', cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: secureCookies, signed: true } });
  // Every state-changing request needs a valid token: one hook, so no route can forget it.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return done();
    // Only the RFC 8058 one-click unsubscribe opts out: mail clients send no token, its signed link is the proof.
    if (request.routeOptions.config.signedLinkOnly === true) return done();
    app.csrfProtection(request, reply, done);
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    done(null, payload);
  });

  const assets = registerAssets(app);
  const snapshots = createSiteSnapshots(relais.db);
  const pageCache = createPageCache(relais.db, relais.now);
  async function publicContext(version?: number): Promise<PublicContext> {
    const site = version === undefined ? await snapshots.latest() : await snapshots.at(version);
    return { site, t: translator(site.settings.language), assets, publicUrl: config.publicUrl };
  }
  const http: HttpContext = { relais, assets, snapshots, pageCache, secureCookies, publicContext };

  registerVisitor(app, relais.accounts, secureCookies);
  registerErrorHandling(app, async (request, status, title, text) => {
    const ctx = await publicContext();
    return renderDocument(ErrorPage({ ctx, title: ctx.t(title), text: ctx.t(text), path: request.url.split('?')[0] ?? '/' }));
  });

  for (const module of [registerBlogRoutes, registerAccountRoutes, registerBlogAdminRoutes, registerAccountAdminRoutes, registerAuditRoutes, registerSiteAdminRoutes, registerForumRoutes, registerForumAdminRoutes, registerForumLimitsRoutes, registerForumFeedRoutes, registerSourcesAdminRoutes, registerDashboardRoutes, registerAlertAdminRoutes, registerInboxRoutes, registerWatchAdminRoutes, registerSearchRoutes, ...extraRoutes]) await module(app, http);
  for (const module of [registerForumMailLinkRoutes, registerForumPrivacyAdminRoutes, registerMediaRoutes, registerRelayAdminRoutes]) await module(app, http);
  return app;
}
