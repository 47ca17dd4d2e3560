import { CompiledQuery, sql } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Executor } from '../db/database.js';

/** The PostgreSQL schema pg-boss keeps its tables in. */
export const PG_BOSS_SCHEMA = 'pgboss';

/** Lets pg-boss run its statements on our connection, e.g. inside a Kysely transaction. */
export function pgBossDbOn(db: Executor): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: [...result.rows] };
    },
  };
}

/** Serializes, until the transaction ends, every change to the jobs of one name and singleton key. */
export async function lockSingletonKey(trx: Executor, name: string, singletonKey: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`relais.jobs:${name}:${singletonKey}`}, 0))`.execute(trx);
}

/** Ids of the jobs of that name and key still waiting to start (created, or waiting for a retry). */
export async function findWaitingJobIds(db: Executor, name: string, singletonKey: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id from ${sql.table(`${PG_BOSS_SCHEMA}.job`)}
    where name = ${name} and singleton_key = ${singletonKey} and state < 'active'`.execute(db);
  return rows.map((row) => row.id);
}

/** Whether a job of that name and key is waiting or running. */
export async function hasPendingJob(db: Executor, name: string, singletonKey: string): Promise<boolean> {
  const { rows } = await sql<{ found: number }>`
    select 1 as found from ${sql.table(`${PG_BOSS_SCHEMA}.job`)}
    where name = ${name} and singleton_key = ${singletonKey} and state < 'completed' limit 1`.execute(db);
  return rows.length > 0;
}
