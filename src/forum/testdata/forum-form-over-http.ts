import { hiddenValue } from './forum-test-helpers.js';

/** What a browser keeps from an article page to send its forum form: the cookies and the hidden fields. */
export interface ForumFormSession {
  /** The `cookie` header value (the signed CSRF secret). */
  readonly cookie: string;
  /** `_csrf`, `jeton` (the time token) and `article`. */
  readonly hidden: Readonly<Record<'_csrf' | 'jeton' | 'article', string>>;
}

/** Loads an article page over real HTTP and keeps what its forum form needs. */
export async function openForumForm(baseUrl: string, slug: string): Promise<ForumFormSession> {
  const page = await fetch(`${baseUrl}/article/${slug}`);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`article page: ${page.status}`);
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, hidden: { _csrf: hiddenValue(html, '_csrf'), jeton: hiddenValue(html, 'jeton'), article: hiddenValue(html, 'article') } };
}

/** The urlencoded body of a forum form submission: the session's hidden fields and the visitor's. */
export function forumFormBody(session: ForumFormSession, fields: Readonly<Record<string, string>>): string {
  return new URLSearchParams({ ...session.hidden, ...fields }).toString();
}

/** Sends the forum form over real HTTP as a browser would; the status tells the outcome (303: stored). */
export async function sendForumForm(baseUrl: string, session: ForumFormSession, fields: Readonly<Record<string, string>>): Promise<number> {
  const response = await fetch(`${baseUrl}/forum/envoyer`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
    body: forumFormBody(session, fields),
  });
  await response.arrayBuffer();
  return response.status;
}
