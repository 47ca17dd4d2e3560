import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The process logger (JSON lines on standard error, so `--json` listings on standard output
 * stay clean). Secrets and passwords are never passed to it.
 */
export function createLogger(options: { level?: string } = {}): Logger {
  return pino({ level: options.level ?? process.env.LOG_LEVEL ?? 'info' }, pino.destination(2));
}
