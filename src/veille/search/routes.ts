import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../../accounts/policy.js';
import { adminContext, pageParam, sendAdminPage, type FormFields } from '../../http/admin-page.js';
import type { HttpContext } from '../../http/app.js';
import { escapeHtml } from '../../markup/escape-html.js';
import { excerptAroundMark } from '../inbox/excerpt-around-mark.js';
import { highlightMatches } from '../match/highlight-matches.js';
import { parseWatchQuery } from '../match/parse-watch-query.js';
import type { WatchQuery } from '../match/watch-query.js';
import { searchArchive } from './search-archive.js';
import { SearchPage } from './views/search-page.js';

const MAX_PAGE = 200;

/** The search text read as a watch query for highlighting, when it is one (words, phrases and prefixes are). */
function highlighterOf(text: string): (value: string) => string {
  let query: WatchQuery | undefined;
  try {
    query = parseWatchQuery(text);
  } catch {
    query = undefined;
  }
  return (value) => (query ? highlightMatches(query, value) : escapeHtml(value));
}

/** `/ecrire/veille/recherche?q=…&page=N`: full-text search over the stored items. */
export function registerSearchRoutes(app: FastifyInstance, http: HttpContext): void {
  app.get('/ecrire/veille/recherche', { preHandler: requirePermission('veille.inbox.view') }, async (request, reply) => {
    const query = request.query as FormFields;
    const text = (query.q ?? '').slice(0, 500);
    // Past 200 pages (10,000 results) a narrower search serves better than skipping rows.
    const found = query.q === undefined ? undefined : await searchArchive(http.relais.db, text, Math.min(pageParam(query), MAX_PAGE));
    const results = found && found.page === MAX_PAGE ? { ...found, hasNext: false } : found;
    const highlight = highlighterOf(text);
    const shown = (results?.hits ?? []).map((hit) => ({ hit, titleHtml: highlight(hit.title), excerptHtml: excerptAroundMark(highlight(hit.plainText)) }));
    return sendAdminPage(reply, SearchPage({
      ctx: await adminContext(http, request, reply), text, ...(results ? { results } : {}), shown,
      timeZone: (await http.snapshots.latest()).settings.timeZone,
    }));
  });
}
