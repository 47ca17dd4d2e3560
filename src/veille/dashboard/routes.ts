import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../../accounts/policy.js';
import { adminContext, sendAdminPage } from '../../http/admin-page.js';
import type { HttpContext } from '../../http/app.js';
import { dashboardDaysParam, loadDashboard, type DashboardData, type DashboardDays } from './load-dashboard.js';
import { DASHBOARD_PATH, DashboardPage } from './views/dashboard-page.js';

/** How long computed aggregates are shown again: a dashboard a minute old is fine, and a busy archive takes a second to count. */
const FRESH_MS = 60_000;

/** The watch's dashboard in the back office (`?jours=30|90`), for everyone who sees the watch. */
export function registerDashboardRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, now } = http.relais;
  const computed = new Map<DashboardDays, { readonly at: number; readonly data: Promise<DashboardData> }>();
  // One computation per period and minute, shared by the requests that arrive meanwhile; a failed one is not kept.
  function dashboard(days: DashboardDays): Promise<DashboardData> {
    const at = now().getTime();
    const cached = computed.get(days);
    if (cached && at - cached.at >= 0 && at - cached.at < FRESH_MS) return cached.data;
    const data = loadDashboard(db, now(), days);
    computed.set(days, { at, data });
    data.catch(() => { if (computed.get(days)?.data === data) computed.delete(days); });
    return data;
  }
  app.get(DASHBOARD_PATH, { preHandler: requirePermission('veille.sources.view') }, async (request, reply) => sendAdminPage(reply, DashboardPage({
    ctx: await adminContext(http, request, reply), data: await dashboard(dashboardDaysParam(request.query)),
  })));
}
