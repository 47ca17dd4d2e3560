import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../http/app.js';
import { registerArticleAdminRoutes } from './admin-article-routes.js';
import { registerSectionAdminRoutes } from './admin-section-routes.js';

/** The blog's part of the back office (`/ecrire/`): articles, footer pages and sections. */
export function registerBlogAdminRoutes(app: FastifyInstance, http: HttpContext): void {
  registerArticleAdminRoutes(app, http);
  registerSectionAdminRoutes(app, http);
}
