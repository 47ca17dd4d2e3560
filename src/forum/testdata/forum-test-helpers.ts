import type { LightMyRequestResponse } from 'fastify';
import { cookiesFrom, formBody, type TestSite } from '../../test-support/test-site.js';

/** The value of a hidden field in a page (the form's `_csrf` or `jeton`). */
export function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]+)"`).exec(html);
  if (!match) throw new Error(`no ${name} field in page`);
  return match[1]!;
}

/** Moves the test clock forward. */
export function advance(site: TestSite, ms: number): void {
  site.setNow(new Date(site.relais.now().getTime() + ms));
}

/** What a test visitor sends with the forum form. */
export interface PostOptions {
  /** The page the form is taken from (default: the article page). */
  readonly from?: string;
  /** How long the visitor "writes" before sending (default: 4 s). */
  readonly waitMs?: number;
  readonly ip?: string;
  readonly cookie?: string;
}

/**
 * Posts a forum message the way a browser does: loads the page with the form, waits, then
 * submits every field with the page's tokens.
 */
export async function postForumMessage(site: TestSite, slug: string, fields: Record<string, string>, options: PostOptions = {}): Promise<LightMyRequestResponse> {
  const ip = options.ip ?? '203.0.113.1';
  const page = await site.app.inject({ method: 'GET', url: options.from ?? `/article/${slug}`, remoteAddress: ip, headers: options.cookie ? { cookie: options.cookie } : {} });
  if (page.statusCode !== 200) throw new Error(`form page: ${page.statusCode}`);
  const cookie = cookiesFrom(page, options.cookie ?? '');
  advance(site, options.waitMs ?? 4000);
  return site.app.inject({
    method: 'POST', url: '/forum/envoyer', remoteAddress: ip,
    ...formBody({ _csrf: hiddenValue(page.body, '_csrf'), jeton: hiddenValue(page.body, 'jeton'), article: hiddenValue(page.body, 'article'), ...fields }, cookie),
  });
}
