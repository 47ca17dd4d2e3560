import pg from 'pg';

const DROP_KEYWORD: Readonly<Record<string, string>> = { r: 'TABLE', p: 'TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', S: 'SEQUENCE' };

/**
 * Empties a database before a forced restore: drops every schema but the system ones and
 * `public`, and every table, view, sequence and function of `public` (which is kept, with its
 * rights). Extensions stay: the dump recreates them with `if not exists`, but not its own functions
 * (the search's `relais_unaccent`), which would clash.
 * `pg_restore --clean` cannot do this: it fails on pg-boss's partitioned tables.
 */
export async function wipePostgresDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    const schemas = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace
       where nspname not in ('public', 'information_schema') and nspname not like 'pg\\_%'`,
    );
    for (const { name } of schemas.rows) await client.query(`drop schema ${client.escapeIdentifier(name)} cascade`);
    // Sequences last: those owned by a column are dropped with their table.
    const relations = await client.query<{ name: string; kind: string }>(
      `select c.relname as name, c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
       order by c.relkind = 'S'`,
    );
    for (const { name, kind } of relations.rows) {
      await client.query(`drop ${DROP_KEYWORD[kind]} if exists public.${client.escapeIdentifier(name)} cascade`);
    }
    // Functions an extension owns (unaccent's) go with their extension, which stays.
    const routines = await client.query<{ signature: string }>(
      `select format('%I(%s)', p.proname, pg_get_function_identity_arguments(p.oid)) as signature
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
    );
    for (const { signature } of routines.rows) await client.query(`drop routine if exists public.${signature} cascade`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
