import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { AdminContext } from './admin-layout.js';
import type { HttpContext } from './app.js';
import { renderDocument } from './render.js';

/** A submitted urlencoded form (or a query string): every field a string when present. */
export type FormFields = Readonly<Record<string, string | undefined>>;

/**
 * The context every back-office page renders with. Call it in a route guarded by
 * `requirePermission`, so a visitor is always signed in.
 */
export async function adminContext(http: HttpContext, request: FastifyRequest, reply: FastifyReply): Promise<AdminContext> {
  if (!request.visitor) throw new ForbiddenError();
  const site = await http.snapshots.latest();
  return { user: request.visitor, csrfToken: reply.generateCsrf(), assets: http.assets, siteName: site.settings.siteName };
}

/** Sends a back-office page: HTML, never stored by a cache (it carries a form token and private data). */
export function sendAdminPage(reply: FastifyReply, tree: VNode, status = 200): FastifyReply {
  return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(renderDocument(tree));
}

/**
 * The confirmation shown after a POST-redirect-GET: `?ok=key` picks one of the page's fixed
 * messages, so no text from the address ever reaches the page.
 *
 * @example
 * noticeFrom({ ok: 'enregistre' }, { enregistre: 'Article enregistré.' }) // "Article enregistré."
 * noticeFrom({ ok: '<script>' }, { enregistre: 'Article enregistré.' })   // undefined
 */
export function noticeFrom(query: unknown, messages: Readonly<Record<string, string>>): string | undefined {
  const key = (query as FormFields | undefined)?.ok;
  return key !== undefined && Object.hasOwn(messages, key) ? messages[key] : undefined;
}

/** A route parameter that must be a database id; anything else is a 404. */
export function idParam(raw: string | undefined): number {
  if (raw === undefined || !/^[1-9]\d{0,9}$/.test(raw)) throw new NotFoundError();
  return Number(raw);
}

/** `?page=N` for back-office lists: 1 when absent or malformed (lists are forgiving). */
export function pageParam(query: unknown): number {
  const raw = (query as FormFields | undefined)?.page;
  return raw !== undefined && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}

/**
 * One text field of a form, with Windows line endings made plain and NUL characters dropped
 * (empty when absent). A NUL means nothing in typed text, and PostgreSQL cannot store it in a
 * `text` column (SQLSTATE 22021): kept, it would turn a message into an error page.
 */
export function textField(form: FormFields, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').replaceAll('\u0000', '') : '';
}
