import { RateLimitError } from '../errors.js';

/**
 * The whole site's posting limit is reached (a flood from many addresses): unlike the per-address
 * limit, the person who sees it has done nothing wrong, so the message says so.
 */
export class ForumBusyError extends RateLimitError {}
