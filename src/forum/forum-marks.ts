/**
 * Markers in the cached article page, replaced at each request (never cached): the form's hidden
 * tokens, and the form itself in *sur abonnement* mode (shown to signed-in visitors only). They are
 * HTML comments, which the forum renderer never lets through from a contribution's text.
 */
export const FORUM_TOKENS_MARK = '<!--relais:forum-tokens-->';
export const MEMBERS_ONLY_START = '<!--relais:forum-members-only-->';
export const MEMBERS_ONLY_END = '<!--/relais:forum-members-only-->';
/** Around the sign-in notice that anonymous visitors see instead of the members-only form. */
export const ANONYMOUS_ONLY_START = '<!--relais:forum-anonymous-only-->';
export const ANONYMOUS_ONLY_END = '<!--/relais:forum-anonymous-only-->';
/** Where the signed-in member's name goes in the members-only form (escaped at each request). */
export const MEMBER_NAME_MARK = '<!--relais:forum-member-name-->';
