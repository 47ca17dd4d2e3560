import type { Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Role, UsersTable } from '../db/schema.js';
import type { User } from './user.js';
import { purgeExpiredInvitations } from './visitors/store.js';

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'disabled', 'created_at', 'last_login_at'] as const;

function toUser(row: Pick<Selectable<UsersTable>, (typeof USER_COLUMNS)[number]>): User {
  return {
    id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabled === 1,
    createdAt: row.created_at, lastLoginAt: row.last_login_at,
  };
}

export async function insertUser(
  db: Executor,
  fields: { email: string; name: string; role: Role; passwordHash: string },
  now: Date,
): Promise<User> {
  const row = await db.insertInto('users').values({
    email: fields.email, name: fields.name, role: fields.role, password_hash: fields.passwordHash,
    disabled: 0, created_at: now.toISOString(), last_login_at: null,
  }).returning(USER_COLUMNS).executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUserByEmail(db: Executor, email: string): Promise<(User & { passwordHash: string }) | undefined> {
  const row = await db.selectFrom('users').select([...USER_COLUMNS, 'password_hash']).where('email', '=', email).executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
}

export async function findUserById(db: Executor, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function listUsers(db: Executor): Promise<User[]> {
  const rows = await db.selectFrom('users').select(USER_COLUMNS).orderBy('name').execute();
  return rows.map(toUser);
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateUserRow(
  db: Executor,
  id: number,
  fields: Partial<{ name: string; role: Role; disabled: boolean; passwordHash: string; lastLoginAt: string }>,
): Promise<void> {
  await db.updateTable('users').set({
    ...(fields.name !== undefined && { name: fields.name }),
    ...(fields.role !== undefined && { role: fields.role }),
    ...(fields.disabled !== undefined && { disabled: fields.disabled ? 1 : 0 }),
    ...(fields.passwordHash !== undefined && { password_hash: fields.passwordHash }),
    ...(fields.lastLoginAt !== undefined && { last_login_at: fields.lastLoginAt }),
  }).where('id', '=', id).execute();
}

export async function insertSession(db: Executor, session: { id: string; userId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.insertInto('sessions').values({
    id: session.id, user_id: session.userId, created_at: session.createdAt.toISOString(), expires_at: session.expiresAt.toISOString(),
  }).execute();
}

/** The active user of a session that has not expired. */
export async function findSessionUser(db: Executor, sessionId: string, now: Date): Promise<User | undefined> {
  const row = await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(USER_COLUMNS.map((c) => `users.${c}` as const))
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now.toISOString())
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function insertPasswordReset(db: Executor, reset: { tokenHash: string; userId: number; expiresAt: Date }): Promise<void> {
  await db.insertInto('password_resets').values({
    token_hash: reset.tokenHash, user_id: reset.userId, expires_at: reset.expiresAt.toISOString(),
  }).execute();
}

/** Takes a reset token once: returns its user id and deletes it. */
export async function consumePasswordReset(db: Executor, tokenHash: string, now: Date): Promise<number | undefined> {
  const row = await db.deleteFrom('password_resets')
    .where('token_hash', '=', tokenHash).where('expires_at', '>', now.toISOString())
    .returning('user_id').executeTakeFirst();
  return row?.user_id;
}

/** Removes sessions, reset links and visitor links past their expiry (housekeeping). */
export async function purgeExpiredAccountTokens(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  await db.deleteFrom('password_resets').where('expires_at', '<=', now.toISOString()).execute();
  await purgeExpiredInvitations(db, now);
}
