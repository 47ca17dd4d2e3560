import { FORUM_TOKENS_MARK, MEMBERS_ONLY_END, MEMBERS_ONLY_START } from './forum-marks.js';
import { escapeAttribute } from '../markup/escape-html.js';


/** What one request brings to the forum form: lazily made tokens, and whether the visitor is signed in. */
export interface ForumVisitorParts {
  readonly csrfToken: () => string;
  readonly timeToken: () => string;
  readonly signedIn: boolean;
}

const LOGIN_NOTICE = '<p class="forum-login">Pour écrire dans ce forum, <a href="/ecrire/login">connectez-vous</a>.</p>';

/**
 * Fills a cached page's forum markers for this request: the form's CSRF and time tokens, and in
 * *sur abonnement* mode the form itself only for a signed-in visitor. Pages without a forum pass
 * through untouched (and no token is made).
 */
export function fillForumMarks(body: string, parts: ForumVisitorParts): string {
  let html = body;
  const start = html.lastIndexOf(MEMBERS_ONLY_START);
  if (start !== -1 && !parts.signedIn) {
    const end = html.indexOf(MEMBERS_ONLY_END, start);
    if (end !== -1) html = html.slice(0, start) + LOGIN_NOTICE + html.slice(end + MEMBERS_ONLY_END.length);
  }
  const at = html.lastIndexOf(FORUM_TOKENS_MARK);
  if (at === -1) return html;
  const tokens = `<input type="hidden" name="_csrf" value="${escapeAttribute(parts.csrfToken())}">` +
    `<input type="hidden" name="jeton" value="${escapeAttribute(parts.timeToken())}">`;
  return html.slice(0, at) + tokens + html.slice(at + FORUM_TOKENS_MARK.length);
}
