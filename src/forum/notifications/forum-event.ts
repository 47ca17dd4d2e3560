import { defineJob } from '../../jobs/job.js';

/**
 * What the forum service announces after a commit that may call for e-mail: a message was
 * received (moderators hear of it), or a message became published (its author, and the author of
 * the message it answers, may hear of it). The job reads the contribution again when it runs, so
 * what is mailed is what is true then, never what was true when the event was raised.
 */
export interface ForumEvent {
  readonly kind: 'received' | 'published';
  readonly contributionId: number;
}

/** Turns one forum event into e-mails (each one a `SendMailJob`, retried on its own). */
export const NotifyForumEventJob = defineJob<ForumEvent>('forum.notify-event');

/** Daily: the digest of new messages for moderators, when the site asks for a digest. */
export const SendForumDigestJob = defineJob<Record<string, never>>('forum.send-digest');

/** A day, in seconds: the digest's period. */
export const FORUM_DIGEST_INTERVAL_SECONDS = 86_400;
