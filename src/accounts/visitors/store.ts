import type { Executor } from '../../db/database.js';
import type { InvitationPurpose } from '../../db/schema.js';

/** A pending visitor link, as read back from its token. */
export interface PendingInvitation {
  readonly email: string;
  readonly name: string;
  readonly purpose: InvitationPurpose;
  readonly invitedBy: number | null;
}

/** Stores a link (its token only as a hash) until it expires. */
export async function insertInvitation(
  db: Executor,
  invitation: PendingInvitation & { tokenHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insertInto('account_invitations').values({
    token_hash: invitation.tokenHash, email: invitation.email, name: invitation.name, purpose: invitation.purpose,
    invited_by: invitation.invitedBy, created_at: invitation.createdAt.toISOString(), expires_at: invitation.expiresAt.toISOString(),
  }).execute();
}

/** The link behind a token, while it has not expired (it stays usable). */
export async function findInvitation(db: Executor, tokenHash: string, now: Date): Promise<PendingInvitation | undefined> {
  const row = await db.selectFrom('account_invitations').select(['email', 'name', 'purpose', 'invited_by'])
    .where('token_hash', '=', tokenHash).where('expires_at', '>', now.toISOString()).executeTakeFirst();
  return row ? { email: row.email, name: row.name, purpose: row.purpose, invitedBy: row.invited_by } : undefined;
}

/** Takes a link once: returns it and deletes it, so a second use finds nothing. */
export async function consumeInvitation(db: Executor, tokenHash: string, now: Date): Promise<PendingInvitation | undefined> {
  const row = await db.deleteFrom('account_invitations')
    .where('token_hash', '=', tokenHash).where('expires_at', '>', now.toISOString())
    .returning(['email', 'name', 'purpose', 'invited_by']).executeTakeFirst();
  return row ? { email: row.email, name: row.name, purpose: row.purpose, invitedBy: row.invited_by } : undefined;
}

/** Once an account exists for the address, its other links are void. */
export async function deleteInvitationsFor(db: Executor, email: string): Promise<void> {
  await db.deleteFrom('account_invitations').where('email', '=', email).execute();
}

/** Removes expired links (housekeeping). */
export async function purgeExpiredInvitations(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('account_invitations').where('expires_at', '<=', now.toISOString()).execute();
}
