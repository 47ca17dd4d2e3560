import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../http/app.js';
import { registerRelayPagesRoutes } from './pages-routes.js';
import { registerRelayVariantsRoutes } from './variants-routes.js';

/** The relay in the back office (`/ecrire/relais`): pages and their health, composing, approval, calendar. */
export function registerRelayAdminRoutes(app: FastifyInstance, http: HttpContext): void {
  registerRelayPagesRoutes(app, http);
  registerRelayVariantsRoutes(app, http);
}
