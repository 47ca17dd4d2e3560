/** The Accept header of every feed request: feed types first, any XML next, anything last (servers lie). */
export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8';
