import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpContext } from './app.js';
import type { PublicContext } from './layout.js';
import type { CachedPage } from './page-cache.js';
import { VISITOR_BAR_MARK } from './render.js';
import { fillForumMarks } from '../forum/fill-forum-marks.js';
import { escapeAttribute, escapeHtml } from '../markup/escape-html.js';
import { can } from '../accounts/policy.js';


/**
 * Serves a public page through the page cache, then fills in what belongs to this visitor only
 * (the signed-in bar and its form token), which is never stored in the cache.
 */
export async function sendCachedPage(
  http: HttpContext,
  request: FastifyRequest,
  reply: FastifyReply,
  render: (ctx: PublicContext) => Promise<CachedPage>,
): Promise<FastifyReply> {
  const version = await http.snapshots.readVersion();
  const page = await http.pageCache.get(request.url, version, async () => render(await http.publicContext(version)));
  reply.status(page.status).header('content-type', page.contentType).header('cache-control', 'no-cache');
  for (const [name, value] of Object.entries(page.headers ?? {})) reply.header(name, value);
  if (!page.contentType.startsWith('text/html')) return reply.send(page.body);
  return reply.send(fillVisitorParts(http, request, reply, page.body));
}

/** Replaces a public page's markers with this visitor's own parts: the signed-in bar, the forum form's tokens. */
export function fillVisitorParts(http: HttpContext, request: FastifyRequest, reply: FastifyReply, body: string): string {
  const forum = { csrfToken: () => reply.generateCsrf(), timeToken: () => http.relais.forum.tokens.issue(), member: request.visitor };
  const at = body.indexOf(VISITOR_BAR_MARK);
  if (at === -1) return fillForumMarks(body, forum);
  // The bar is at the top, the forum's marks further down: they are looked for in a slice of the
  // cached text, never in a freshly joined copy (which V8 would first flatten, at each request).
  const bar = visitorBar(http, request, reply);
  return body.slice(0, at) + bar + fillForumMarks(body.slice(at + VISITOR_BAR_MARK.length), forum);
}

function visitorBar(http: HttpContext, request: FastifyRequest, reply: FastifyReply): string {
  const user = request.visitor;
  if (!user) return '';
  const token = reply.generateCsrf();
  // A visitor account (forums sur abonnement) gets no way into the back office.
  const backOffice = can(user, 'backoffice.view') ? ' <a href="/ecrire/">Espace de rédaction</a>' : '';
  return `<div class="visitor-bar"><span>Connecté·e : ${escapeHtml(user.name)}</span>${backOffice}` +
    ` <form method="post" action="/deconnexion"><input type="hidden" name="_csrf" value="${escapeAttribute(token)}"><button type="submit">Se déconnecter</button></form></div>`;
}
