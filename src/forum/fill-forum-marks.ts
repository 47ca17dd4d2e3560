import { ANONYMOUS_ONLY_END, ANONYMOUS_ONLY_START, FORUM_TOKENS_MARK, MEMBER_NAME_MARK, MEMBERS_ONLY_END, MEMBERS_ONLY_START } from './forum-marks.js';
import { escapeAttribute, escapeHtml } from '../markup/escape-html.js';


/** What one request brings to the forum form: lazily made tokens, and who is signed in (null: nobody). */
export interface ForumVisitorParts {
  readonly csrfToken: () => string;
  readonly timeToken: () => string;
  readonly member: { readonly name: string } | null;
}

/** Removes the part of `html` between the last `start` marker and its `end`, if any. */
function cut(html: string, start: string, end: string): string {
  // Mostly absent (any mode but sur abonnement): V8's `indexOf` says so in half the time `lastIndexOf` takes.
  const from = html.indexOf(start) === -1 ? -1 : html.lastIndexOf(start);
  const to = from === -1 ? -1 : html.indexOf(end, from);
  return to === -1 ? html : html.slice(0, from) + html.slice(to + end.length);
}

/**
 * Fills a cached page's forum markers for this request: the form's CSRF and time tokens, and in
 * *sur abonnement* mode either the form (under the member's name) for a signed-in visitor or the
 * sign-in notice for anyone else. Pages without a forum pass through untouched (no token made).
 */
export function fillForumMarks(body: string, parts: ForumVisitorParts): string {
  let html = parts.member ? cut(body, ANONYMOUS_ONLY_START, ANONYMOUS_ONLY_END) : cut(body, MEMBERS_ONLY_START, MEMBERS_ONLY_END);
  // A function, so a `$&` in the name is not read as a replacement pattern.
  if (parts.member) html = html.replace(MEMBER_NAME_MARK, () => escapeHtml(parts.member!.name));
  const at = html.lastIndexOf(FORUM_TOKENS_MARK);
  if (at === -1) return html;
  const tokens = `<input type="hidden" name="_csrf" value="${escapeAttribute(parts.csrfToken())}">` +
    `<input type="hidden" name="jeton" value="${escapeAttribute(parts.timeToken())}">`;
  return html.slice(0, at) + tokens + html.slice(at + FORUM_TOKENS_MARK.length);
}
