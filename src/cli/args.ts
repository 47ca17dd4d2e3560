import { CliUsageError } from './command.js';

/** Parsed command-line arguments: positionals in order, `--name value` / `--flag` options. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, string | true>>;
}

/**
 * Splits arguments into positionals and options; refuses options the command does not know.
 *
 * @example
 * parseArgs(['a@b.fr', '--role', 'admin'], { role: 'value' }) // { positionals: ['a@b.fr'], options: { role: 'admin' } }
 */
export function parseArgs(args: readonly string[], known: Readonly<Record<string, 'flag' | 'value'>>): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = known[name];
    if (!kind) throw new CliUsageError(`Option inconnue : --${name}`);
    if (kind === 'flag') {
      options[name] = true;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new CliUsageError(`L'option --${name} attend une valeur.`);
    options[name] = value;
  }
  return { positionals, options };
}
