import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../../accounts/policy.js';
import { adminContext, sendAdminPage } from '../../http/admin-page.js';
import type { HttpContext } from '../../http/app.js';
import { dashboardDaysParam, loadDashboard } from './load-dashboard.js';
import { DASHBOARD_PATH, DashboardPage } from './views/dashboard-page.js';

/** The watch's dashboard in the back office (`?jours=30|90`), for everyone who sees the watch. */
export function registerDashboardRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, now } = http.relais;
  app.get(DASHBOARD_PATH, { preHandler: requirePermission('veille.sources.view') }, async (request, reply) => sendAdminPage(reply, DashboardPage({
    ctx: await adminContext(http, request, reply), data: await loadDashboard(db, now(), dashboardDaysParam(request.query)),
  })));
}
