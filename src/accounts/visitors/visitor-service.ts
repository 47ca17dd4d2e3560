import type { Db } from '../../db/database.js';
import { ValidationError } from '../../errors.js';
import { addAuditEntry } from '../../audit/store.js';
import type { AccountService } from '../service.js';
import { hashLinkToken, newLinkToken } from '../link-token.js';
import { checkPasswordStrength } from '../password.js';
import { isEmailAddress, normalizeEmail, type User } from '../user.js';
import { hitRateLimit } from '../../http/rate-limit-store.js';
import { consumeInvitation, deleteInvitationsFor, findInvitation, insertInvitation, type PendingInvitation } from './store.js';

/** An invitation stays valid a week; a sign-up confirmation a day. */
const INVITATION_DAYS = 7;
const SIGNUP_HOURS = 24;
/** At most 3 sign-up mails to one address per day, whoever asks and whatever the outcome. */
const SIGNUPS_PER_ADDRESS = Object.freeze({ limit: 3, windowSeconds: 86400 });

export interface VisitorServiceDeps {
  readonly db: Db;
  readonly now: () => Date;
  readonly accounts: Pick<AccountService, 'addUser' | 'findUserByEmail'>;
}

/** A link to mail: the address, the name and the one-time token (never stored in clear). */
export interface VisitorLink {
  readonly email: string;
  readonly name: string;
  readonly token: string;
}

/** What a sign-up request leads to; the page says the same in every case. */
export type SignupOutcome =
  | { readonly kind: 'link'; readonly link: VisitorLink }
  | { readonly kind: 'exists'; readonly user: User }
  | { readonly kind: 'throttled' };

/** Checks the address and the public name; every problem at once, per field. */
function checkIdentity(input: { email: string; name: string }, nameRequired: boolean): { email: string; name: string } {
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  const errors: Record<string, string> = {};
  if (!isEmailAddress(email)) errors.email = 'Adresse e-mail invalide.';
  if (nameRequired && name === '') errors.name = 'Indiquez le nom sous lequel vos messages paraîtront.';
  else if (name.length > 100) errors.name = 'Le nom ne peut pas dépasser 100 caractères.';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { email, name };
}

/**
 * Visitor accounts (role `visitor`, forums *sur abonnement*): invited by an administrator or
 * self-registered. Either way the account is created only when the mailed link is followed and
 * a password chosen, so an unconfirmed address never has a usable account.
 */
export function createVisitorService({ db, now, accounts }: VisitorServiceDeps) {
  async function issue(identity: PendingInvitation, validMs: number): Promise<VisitorLink> {
    const { token, hash } = newLinkToken();
    await insertInvitation(db.kysely, { ...identity, tokenHash: hash, createdAt: now(), expiresAt: new Date(now().getTime() + validMs) });
    return { email: identity.email, name: identity.name, token };
  }

  return {
    /** An administrator invites someone; refused when the address already has an account. */
    async inviteVisitor(actorId: number, input: { email: string; name: string }): Promise<VisitorLink> {
      const { email, name } = checkIdentity(input, false);
      if (await accounts.findUserByEmail(email)) throw new ValidationError({ email: 'Un compte existe déjà avec cette adresse.' });
      const link = await issue({ email, name: name || email.split('@')[0]!, purpose: 'invitation', invitedBy: actorId }, INVITATION_DAYS * 86400_000);
      await addAuditEntry(db.kysely, { userId: actorId, action: 'accounts.visitor.invited', objectType: 'user', objectId: email, summary: `Invitation envoyée à ${email}` }, now());
      return link;
    },

    /** Someone asks for an account (the site setting allows it); the caller mails the outcome. */
    async requestSignup(input: { email: string; name: string }): Promise<SignupOutcome> {
      const { email, name } = checkIdentity(input, true);
      // Counted in the shared rate-limit table, so "already registered" mails count too.
      if (!(await hitRateLimit(db.kysely, `signup:address:${email}`, SIGNUPS_PER_ADDRESS, now())).allowed) return { kind: 'throttled' };
      const user = await accounts.findUserByEmail(email);
      if (user) return user.disabled ? { kind: 'throttled' } : { kind: 'exists', user };
      return { kind: 'link', link: await issue({ email, name, purpose: 'signup', invitedBy: null }, SIGNUP_HOURS * 3600_000) };
    },

    /** The pending link behind a token, to show whom it is for (does not use it up). */
    pendingLink: (token: string) => findInvitation(db.kysely, hashLinkToken(token), now()),

    /**
     * Follows a link once: creates the visitor account with the chosen password. Undefined when
     * the link is unknown, expired or already used; a weak password leaves the link usable.
     */
    async acceptLink(token: string, password: string): Promise<User | undefined> {
      const weak = checkPasswordStrength(password);
      if (weak) throw new ValidationError({ password: weak });
      const pending = await consumeInvitation(db.kysely, hashLinkToken(token), now());
      if (!pending) return undefined;
      const user = await accounts.addUser(pending.invitedBy, { email: pending.email, name: pending.name, role: 'visitor', password });
      await deleteInvitationsFor(db.kysely, pending.email);
      return user;
    },
  };
}

export type VisitorService = ReturnType<typeof createVisitorService>;
