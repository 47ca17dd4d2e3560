/**
 * Markers in the cached article page, replaced at each request (never cached): the form's hidden
 * tokens, and the form itself in *sur abonnement* mode (shown to signed-in visitors only). They are
 * HTML comments, which the forum renderer never lets through from a contribution's text.
 */
export const FORUM_TOKENS_MARK = '<!--relais:forum-tokens-->';
export const MEMBERS_ONLY_START = '<!--relais:forum-members-only-->';
export const MEMBERS_ONLY_END = '<!--/relais:forum-members-only-->';
