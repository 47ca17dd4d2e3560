import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../accounts/policy.js';
import { adminContext, pageParam, sendAdminPage } from '../http/admin-page.js';
import type { HttpContext } from '../http/app.js';
import { JournalPage } from './journal-page.js';
import { listAuditEntries } from './store.js';

const PER_PAGE = 50;

/** The audit log in the back office (administrators only), paginated. */
export function registerAuditRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db } = http.relais;
  app.get('/ecrire/journal', { preHandler: requirePermission('audit.view') }, async (request, reply) => {
    const page = pageParam(request.query);
    // One row more than shown tells whether a next page exists, without counting the whole log.
    const rows = await listAuditEntries(db.kysely, { limit: PER_PAGE + 1, offset: (page - 1) * PER_PAGE });
    const site = await http.snapshots.latest();
    return sendAdminPage(reply, JournalPage({
      ctx: await adminContext(http, request, reply), entries: rows.slice(0, PER_PAGE), page, hasNext: rows.length > PER_PAGE,
      timeZone: site.settings.timeZone,
    }));
  });
}
