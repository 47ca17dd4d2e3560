import { ConfigError } from '../config.js';
import { AppError, ValidationError } from '../errors.js';
import { SecretKeyMismatchError } from '../secrets/key-check.js';
import { CliUsageError, type CliCommand, type CliContext } from './command.js';

/**
 * Finds the command whose words start `argv` (the longest name wins: `user add` before `user`),
 * runs it and turns every failure into a short French message and a non-zero exit code.
 */
export async function runCli(commands: readonly CliCommand[], argv: readonly string[], ctx: CliContext): Promise<number> {
  const write = (text: string) => ctx.stderr.write(text.endsWith('\n') ? text : text + '\n');
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    ctx.stdout.write(helpText(commands));
    return argv.length === 0 ? 2 : 0;
  }
  const command = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((word, i) => argv[i] === word));
  if (!command) {
    // `relais user` or `relais forum --help`: list the group's subcommands.
    const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
    if (group.length > 0) {
      const asked = argv.length === 2 && (argv[1] === '--help' || argv[1] === '-h');
      (asked ? ctx.stdout : ctx.stderr).write(helpText(group));
      return asked ? 0 : 2;
    }
    write(`Commande inconnue : « ${argv.join(' ')} ». Tapez « relais --help » pour la liste des commandes.`);
    return 2;
  }
  const args = argv.slice(command.name.split(' ').length);
  if (args.includes('--help') || args.includes('-h')) {
    ctx.stdout.write(`${command.summary}\n\nUsage : ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, ctx);
  } catch (error) {
    if (error instanceof CliUsageError) {
      write(`${error.message}\nUsage : ${command.usage}`);
      return 2;
    }
    if (error instanceof ValidationError) {
      write(Object.values(error.fields).map((m) => `Erreur : ${m}`).join('\n'));
      return 1;
    }
    if (error instanceof ConfigError || error instanceof SecretKeyMismatchError || error instanceof AppError) {
      write(error.message);
      return 1;
    }
    write(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.RELAIS_DEBUG) console.error(error);
    return 1;
  }
}

function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `relais — publier, relayer, veiller, échanger\n\nCommandes :\n${lines.join('\n')}\n\n« relais <commande> --help » détaille chaque commande.\n`;
}
