import { randomBytes } from 'node:crypto';
import type { Db, Executor } from '../db/database.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { addAuditEntry } from '../audit/store.js';
import { hashLinkToken, newLinkToken } from './link-token.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.js';
import {
  consumePasswordReset, deleteSession, deleteUserSessions, findSessionUser, findUserByEmail, findUserById, insertPasswordReset,
  insertSession, insertUser, listUsers, updateUserRow,
} from './store.js';
import { isEmailAddress, normalizeEmail, ROLE_LABELS, type Role, type User } from './user.js';

const SESSION_DAYS = 7;
const RESET_MINUTES = 60;

export interface AccountServiceDeps {
  readonly db: Db;
  readonly now: () => Date;
}

/** Accounts, passwords and sessions. */
export function createAccountService({ db, now }: AccountServiceDeps) {
  /**
   * Applies an administrator's change to another account (never their own: `refusal` says why) in
   * one transaction with its audit entry; `change` returns undefined when there was nothing to do.
   */
  async function changeOtherAccount(
    actorId: number, userId: number, refusal: Record<string, string>,
    change: (user: User, trx: Executor) => Promise<{ action: string; summary: string } | undefined>,
  ): Promise<void> {
    if (actorId === userId) throw new ValidationError(refusal);
    const user = await findUserById(db.kysely, userId);
    if (!user) throw new NotFoundError('compte');
    await db.kysely.transaction().execute(async (trx) => {
      const done = await change(user, trx);
      if (done) await addAuditEntry(trx, { userId: actorId, objectType: 'user', objectId: userId, ...done }, now());
    });
  }

  return {
    /** Creates an account; the password must follow the strength rule. */
    async addUser(actorId: number | null, input: { email: string; name?: string; role: Role; password: string }): Promise<User> {
      const email = normalizeEmail(input.email);
      const errors: Record<string, string> = {};
      if (!isEmailAddress(email)) errors.email = 'Adresse e-mail invalide.';
      const weak = checkPasswordStrength(input.password);
      if (weak) errors.password = weak;
      if (!errors.email && (await findUserByEmail(db.kysely, email))) errors.email = 'Un compte existe déjà avec cette adresse.';
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      const passwordHash = await hashPassword(input.password);
      return db.kysely.transaction().execute(async (trx) => {
        const user = await insertUser(trx, { email, name: input.name?.trim() || email.split('@')[0]!, role: input.role, passwordHash }, now());
        await addAuditEntry(trx, { userId: actorId, action: 'accounts.user.created', objectType: 'user', objectId: user.id, summary: `${email} (${input.role})` }, now());
        return user;
      });
    },

    /** Sets a new password and closes every open session of the account. */
    async setPassword(actorId: number | null, userId: number, password: string): Promise<void> {
      const weak = checkPasswordStrength(password);
      if (weak) throw new ValidationError({ password: weak });
      const passwordHash = await hashPassword(password);
      await db.kysely.transaction().execute(async (trx) => {
        await updateUserRow(trx, userId, { passwordHash });
        await deleteUserSessions(trx, userId);
        await addAuditEntry(trx, { userId: actorId, action: 'accounts.user.password_changed', objectType: 'user', objectId: userId, summary: 'Mot de passe changé' }, now());
      });
    },

    /** Checks credentials; the same answer (undefined) whether the account is unknown, disabled or the password wrong. */
    async authenticate(email: string, password: string): Promise<User | undefined> {
      const found = await findUserByEmail(db.kysely, normalizeEmail(email));
      // Hash even for an unknown address so timing does not reveal which accounts exist.
      const ok = await verifyPassword(password, found?.passwordHash ?? 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
      if (!found || !ok || found.disabled) return undefined;
      await updateUserRow(db.kysely, found.id, { lastLoginAt: now().toISOString() });
      const { passwordHash: _hash, ...user } = found;
      return user;
    },

    /** Opens a session; the id goes into a signed cookie. */
    async openSession(userId: number): Promise<{ id: string; expiresAt: Date }> {
      const id = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now().getTime() + SESSION_DAYS * 86400_000);
      await insertSession(db.kysely, { id, userId, createdAt: now(), expiresAt });
      return { id, expiresAt };
    },

    sessionUser: (sessionId: string) => findSessionUser(db.kysely, sessionId, now()),
    closeSession: (sessionId: string) => deleteSession(db.kysely, sessionId),
    findUserByEmail: async (email: string) => findUserByEmail(db.kysely, normalizeEmail(email)),
    findUserById: (id: number) => findUserById(db.kysely, id),

    /** Every account, by name (the back office's list). */
    listUsers: () => listUsers(db.kysely),

    /** Gives an account another role; an administrator cannot change their own (no one locks themself out). */
    changeUserRole: (actorId: number, userId: number, role: Role) => changeOtherAccount(actorId, userId,
      { role: 'Vous ne pouvez pas changer votre propre rôle : demandez-le à un autre administrateur.' },
      async (user, trx) => {
        if (user.role === role) return undefined;
        await updateUserRow(trx, userId, { role });
        return { action: 'accounts.user.role_changed', summary: `${user.email} : ${ROLE_LABELS[user.role]} → ${ROLE_LABELS[role]}` };
      }),

    /** Disables (closing its sessions) or enables an account; nobody disables themself. */
    setUserDisabled: (actorId: number, userId: number, disabled: boolean) => changeOtherAccount(actorId, userId,
      { disabled: 'Vous ne pouvez pas désactiver votre propre compte.' },
      async (user, trx) => {
        if (user.disabled === disabled) return undefined;
        await updateUserRow(trx, userId, { disabled });
        if (disabled) await deleteUserSessions(trx, userId);
        return { action: disabled ? 'accounts.user.disabled' : 'accounts.user.enabled', summary: user.email };
      }),

    /** Creates a one-hour reset token for an active account; undefined for unknown addresses. */
    async createPasswordReset(email: string): Promise<{ user: User; token: string } | undefined> {
      const found = await findUserByEmail(db.kysely, normalizeEmail(email));
      if (!found || found.disabled) return undefined;
      const { token, hash } = newLinkToken();
      await insertPasswordReset(db.kysely, { tokenHash: hash, userId: found.id, expiresAt: new Date(now().getTime() + RESET_MINUTES * 60_000) });
      return { user: found, token };
    },

    /** Uses a reset token once to set a new password. */
    async resetPassword(token: string, password: string): Promise<boolean> {
      const weak = checkPasswordStrength(password);
      if (weak) throw new ValidationError({ password: weak });
      const userId = await consumePasswordReset(db.kysely, hashLinkToken(token), now());
      if (userId === undefined) return false;
      await this.setPassword(userId, userId, password);
      return true;
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
