import type { Db } from '../db/database.js';
import { isEmailAddress } from '../accounts/user.js';
import { ForumBusyError } from './forum-busy-error.js';
import { ForumConflictError } from './forum-conflict-error.js';
import { NotFoundError, RateLimitError, ValidationError } from '../errors.js';
import { addAuditEntry } from '../audit/store.js';
import { hitRateLimit, type RateLimitRule } from '../http/rate-limit-store.js';
import { correctionLengthLimit, DEFAULT_FORUM_LIMITS, postRuleOf, readForumLimits } from './forum-limits.js';
import { readSiteSettings } from '../site/settings-store.js';
import { bumpSiteVersion } from '../site/site-version.js';
import type { Contribution, ForumMode } from './contribution.js';
import { createFormTokens } from './form-token.js';
import { statusAfter, type ModerationAction } from './moderation-action.js';
import { OBVIOUS_SPAM_SCORE, spamSignals } from './spam-signals.js';
import { findContribution, hasRecentSameBody, insertContribution, readArticleForumMode, updateContributionStatus, updateContributionText, writeArticleForumMode } from './store.js';

const MAX_NAME_LENGTH = 100;

/** A message as a visitor submits it. */
export interface ContributionInput {
  readonly articleId: number;
  readonly parentId: number | null;
  readonly authorName: string;
  readonly email: string;
  readonly body: string;
  readonly notifyReplies: boolean;
}

/** Who posts: their address, their account when signed in, and whether a robot gave itself away. */
export interface Poster {
  readonly ip: string | null;
  readonly userId: number | null;
  /** The honeypot was filled in: the message is kept, marked as spam, never shown. */
  readonly honeypot?: boolean;
}

/** Who moderates: a back-office user, or the CLI (no user row). */
export interface ModerationActor {
  readonly userId: number | null;
}

export interface ForumServiceDeps {
  readonly db: Db;
  readonly now: () => Date;
  /** `deriveKey(secretKey, 'forum-token')`. */
  readonly tokenKey: Buffer;
}

/** The checks a message must pass, `maxLength` being the site's limit; returns the field errors (empty when valid). */
export function validateContribution(
  input: Pick<ContributionInput, 'authorName' | 'email' | 'body'>, maxLength = DEFAULT_FORUM_LIMITS.maxMessageLength,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = input.authorName.trim();
  if (name === '') errors.nom = 'Indiquez votre nom ou un pseudonyme.';
  else if (name.length > MAX_NAME_LENGTH) errors.nom = `Votre nom ne doit pas dépasser ${MAX_NAME_LENGTH} caractères.`;
  const email = input.email.trim();
  if (email !== '' && !isEmailAddress(email)) {
    errors.email = 'Cette adresse électronique n’est pas valide (exemple : prenom.nom@exemple.fr).';
  }
  if (input.body.trim() === '') errors.texte = 'Écrivez votre message.';
  else if (input.body.length > maxLength) {
    errors.texte = `Votre message compte ${input.body.length.toLocaleString('fr-FR')} caractères : il ne doit pas dépasser ${maxLength.toLocaleString('fr-FR')} caractères. Raccourcissez-le ; votre texte est conservé ci-dessous.`;
  }
  return errors;
}

/** The forum's use cases: posting, moderating, modes. Every write that changes a public page bumps the site version. */
export function createForumService({ db, now, tokenKey }: ForumServiceDeps) {
  const tokens = createFormTokens(tokenKey, now);

  /** Counts one message against a posting limit (null: none); refuses it when the limit is reached. */
  async function countPost(key: string, rule: RateLimitRule | null, Refusal: typeof RateLimitError): Promise<void> {
    if (rule === null) return;
    const limit = await hitRateLimit(db.kysely, key, rule, now());
    if (!limit.allowed) throw new Refusal(limit.retryAfterSeconds);
  }

  return {
    tokens,

    /** The anti-spam limits in force (site settings). */
    limits: () => readForumLimits(db.kysely),

    /** The mode that applies to an article: its own, or the site default. */
    async modeOf(articleId: number): Promise<ForumMode> {
      return (await readArticleForumMode(db.kysely, articleId)) ?? (await readSiteSettings(db.kysely)).defaultForumMode;
    },

    /** Sets an article's forum mode (null: back to the site default). */
    async setArticleMode(actor: ModerationActor, articleId: number, mode: ForumMode | null): Promise<void> {
      await db.kysely.transaction().execute(async (trx) => {
        await writeArticleForumMode(trx, articleId, mode);
        await bumpSiteVersion(trx);
        await addAuditEntry(trx, { userId: actor.userId, action: 'forum.mode.changed', objectType: 'article', objectId: articleId, summary: mode ?? 'défaut du site' }, now());
      });
    },

    /**
     * Stores a message, durably, before anyone is told it was received. In *a priori* mode it
     * waits for a moderator (`proposed`); in *a posteriori* mode it is `published` at once.
     * The caller has checked the mode allows this poster to post at all.
     */
    async post(input: ContributionInput, poster: Poster, mode: ForumMode): Promise<Contribution> {
      const limits = await readForumLimits(db.kysely);
      const errors = validateContribution(input, limits.maxMessageLength);
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      if (mode === 'non') throw new ForumConflictError('forum_closed');
      const parent = input.parentId === null ? undefined : await findContribution(db.kysely, input.parentId);
      if (input.parentId !== null && (parent?.status !== 'published' || parent.articleId !== input.articleId)) throw new NotFoundError('message');
      if (poster.ip !== null) await countPost(`forum.post:${poster.ip}`, postRuleOf(limits.postsPerAddress), RateLimitError);
      await countPost('forum.post:*', postRuleOf(limits.postsPerSite), ForumBusyError);
      const duplicate = await hasRecentSameBody(db.kysely, input.body, new Date(now().getTime() - 24 * 3600_000));
      const signals = spamSignals(input.body, { duplicate });
      const reasons = poster.honeypot ? ['champ piège rempli (robot)', ...signals.reasons] : signals.reasons;
      // Obvious spam is kept, as `spam`, never silently deleted (the forum issue).
      const obvious = poster.honeypot || signals.score >= OBVIOUS_SPAM_SCORE;
      const status = obvious ? 'spam' : mode === 'pos' ? 'published' : 'proposed';
      return db.kysely.transaction().execute(async (trx) => {
        const created = await insertContribution(trx, {
          articleId: input.articleId, parentId: parent?.id ?? null, threadId: parent ? (parent.threadId ?? parent.id) : null,
          authorName: input.authorName.trim(), email: input.email.trim() || null, body: input.body, status,
          ip: poster.ip, notifyReplies: input.notifyReplies && input.email.trim() !== '', isOrganisationAnswer: false,
          spamScore: signals.score, spamReasons: reasons, userId: poster.userId,
        }, now());
        if (status === 'published') await bumpSiteVersion(trx);
        return created;
      });
    },

    /**
     * Answers a message in the name of the organisation: the answer is published at once, marked
     * as such; a message still proposed is published with it (an answer never hangs under a hidden message).
     */
    async answerAsOrganisation(actor: ModerationActor & { readonly name: string }, parentId: number, body: string): Promise<Contribution> {
      const errors = validateContribution({ authorName: actor.name, email: '', body });
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      return db.kysely.transaction().execute(async (trx) => {
        const parent = await findContribution(trx, parentId);
        if (!parent) throw new NotFoundError('message');
        if (parent.status !== 'published' && parent.status !== 'proposed') throw new ForumConflictError('forum_transition');
        if (parent.status === 'proposed') await updateContributionStatus(trx, parent.id, 'published', actor.userId, now());
        const answer = await insertContribution(trx, {
          articleId: parent.articleId, parentId: parent.id, threadId: parent.threadId ?? parent.id, authorName: actor.name, email: null,
          body, status: 'published', ip: null, notifyReplies: false, isOrganisationAnswer: true, spamScore: 0, spamReasons: [], userId: actor.userId,
        }, now());
        await bumpSiteVersion(trx);
        await addAuditEntry(trx, { userId: actor.userId, action: 'forum.contribution.answered', objectType: 'forum_contribution', objectId: parent.id, summary: `Réponse de l’organisation à ${parent.authorName}` }, now());
        return answer;
      });
    },

    /** A moderator corrects a contribution's name, e-mail and text (checked like a visitor's); its status stays. */
    async edit(actor: ModerationActor, id: number, text: Pick<ContributionInput, 'authorName' | 'email' | 'body'>): Promise<Contribution> {
      const limits = await readForumLimits(db.kysely);
      return db.kysely.transaction().execute(async (trx) => {
        const before = await findContribution(trx, id);
        if (!before) throw new NotFoundError('message');
        const errors = validateContribution(text, correctionLengthLimit(limits, before));
        if (Object.keys(errors).length > 0) throw new ValidationError(errors);
        const after = { ...before, authorName: text.authorName.trim(), email: text.email.trim() || null, body: text.body };
        await updateContributionText(trx, id, after);
        if (before.status === 'published') await bumpSiteVersion(trx);
        await addAuditEntry(trx, { userId: actor.userId, action: 'forum.contribution.edited', objectType: 'forum_contribution', objectId: id, summary: `Message de ${after.authorName} modifié` }, now());
        return after;
      });
    },

    /** Approves, rejects, marks as spam or unpublishes a contribution; refuses a move its status does not allow. */
    async moderate(actor: ModerationActor, id: number, action: ModerationAction): Promise<Contribution> {
      return db.kysely.transaction().execute(async (trx) => {
        const before = await findContribution(trx, id);
        if (!before) throw new NotFoundError('message');
        const status = statusAfter(before.status, action);
        if (status === undefined) throw new ForumConflictError('forum_transition');
        await updateContributionStatus(trx, id, status, actor.userId, now());
        if (before.status === 'published' || status === 'published') await bumpSiteVersion(trx);
        await addAuditEntry(trx, {
          userId: actor.userId, action: `forum.contribution.${action}`, objectType: 'forum_contribution', objectId: id,
          summary: `${before.authorName} : ${before.status} → ${status}`,
        }, now());
        return { ...before, status };
      });
    },
  };
}

export type ForumService = ReturnType<typeof createForumService>;
