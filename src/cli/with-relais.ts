import { parseConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openRelais, type Relais } from '../main.js';
import type { CliContext } from './command.js';

/** Opens Relais from the command's environment, runs `work`, and always closes it. */
export async function withRelais<T>(ctx: CliContext, work: (relais: Relais) => Promise<T>): Promise<T> {
  const relais = await openRelais(parseConfig(ctx.env), { logger: createLogger({ level: ctx.env.LOG_LEVEL ?? 'warn' }) });
  try {
    return await work(relais);
  } finally {
    await relais.close();
  }
}

/** Prints rows as a JSON array (and nothing else) on standard output. */
export function printJson(ctx: CliContext, rows: readonly unknown[]): void {
  ctx.stdout.write(JSON.stringify(rows, null, 2) + '\n');
}
