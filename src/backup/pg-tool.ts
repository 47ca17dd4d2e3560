import { spawn } from 'node:child_process';
import { BackupError } from './backup-error.js';

/**
 * Runs `pg_dump` or `pg_restore` against a database URL. The password goes through
 * `PGPASSWORD`, never the command line, where any local user could read it in the process list.
 */
export async function runPgTool(
  tool: 'pg_dump' | 'pg_restore',
  args: readonly string[],
  databaseUrl: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const childEnv = { ...env, ...(password !== '' && { PGPASSWORD: password }) };
  const child = spawn(tool, [...args, `--dbname=${url.href}`], { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      throw new BackupError('pg_tool_missing', `${tool} est introuvable : installez les outils clients PostgreSQL (paquet postgresql-client, même version majeure que le serveur) ou ajoutez-les au PATH.`);
    }
    throw error;
  });
  if (code !== 0) {
    const detail = stderr.trim().split('\n').slice(-5).join('\n').replaceAll(url.href, 'DATABASE_URL');
    throw new BackupError(`${tool}_failed`, `${tool} a échoué (code ${code}) :\n${detail}`);
  }
}
