import type { Executor } from '../db/database.js';

/** One back-office change: who, what, when. */
export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly userId: number | null;
  readonly userName: string | null;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly summary: string;
}

export interface NewAuditEntry {
  readonly userId: number | null;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string | number;
  readonly summary: string;
}

/** Records a change; call it in the transaction that makes the change. */
export async function addAuditEntry(db: Executor, entry: NewAuditEntry, at: Date): Promise<void> {
  await db.insertInto('audit_log').values({
    at: at.toISOString(),
    user_id: entry.userId,
    action: entry.action,
    object_type: entry.objectType,
    object_id: String(entry.objectId),
    summary: entry.summary,
  }).execute();
}

/** The most recent changes first. */
export async function listAuditEntries(db: Executor, options: { limit: number; offset: number }): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.user_id', 'users.name as user_name', 'audit_log.action',
      'audit_log.object_type', 'audit_log.object_id', 'audit_log.summary'])
    .orderBy('audit_log.id', 'desc')
    .limit(options.limit).offset(options.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id, at: r.at, userId: r.user_id, userName: r.user_name ?? null, action: r.action,
    objectType: r.object_type, objectId: r.object_id, summary: r.summary,
  }));
}
