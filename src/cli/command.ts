import type { Readable, Writable } from 'node:stream';

/** What a subcommand may use: the process streams and, when it needs them, the wired application. */
export interface CliContext {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Environment the command runs with (configuration is parsed from it only when needed). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * One `relais` subcommand, registered by the feature that owns it (`src/<feature>/cli.ts`).
 *
 * @example
 * export const markupCommand: CliCommand = {
 *   name: 'markup',
 *   summary: 'Rend du texte SPIP en HTML',
 *   usage: 'relais markup [--forum] [--notes] [--jsonl]',
 *   async run(args, ctx) { ...; return 0; },
 * };
 */
export interface CliCommand {
  /** Words that select it, e.g. `markup` or `user add`. */
  readonly name: string;
  /** One line shown by `relais --help`. */
  readonly summary: string;
  /** Shown by `relais <name> --help` and after a usage error. */
  readonly usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: readonly string[], ctx: CliContext): Promise<number>;
}

/** A usage mistake on the command line: printed with the command's usage, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
