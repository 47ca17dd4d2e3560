import { createInterface } from 'node:readline';
import type { CliCommand, CliContext } from '../cli/command.js';
import { CliUsageError } from '../cli/command.js';
import { parseArgs } from '../cli/args.js';
import { withRelais } from '../cli/with-relais.js';
import { generatePassword } from './password.js';
import { isRole, ROLES } from './user.js';

/**
 * The password for a new account or a change: read from standard input when it is piped
 * (`echo … | relais user passwd a@b.fr`), otherwise generated and printed once.
 */
async function readPassword(ctx: CliContext): Promise<{ password: string; generated: boolean }> {
  // At a terminal nothing is piped: generate rather than wait for typing that would be echoed.
  if ((ctx.stdin as { isTTY?: boolean }).isTTY) return { password: generatePassword(), generated: true };
  const lines = createInterface({ input: ctx.stdin });
  for await (const line of lines) {
    lines.close();
    if (line.trim() !== '') return { password: line.trim(), generated: false };
  }
  return { password: generatePassword(), generated: true };
}

/** `relais user add <email> --role …`: creates an account (back office, or `visitor` for the public site's forums). */
export const userAddCommand: CliCommand = {
  name: 'user add',
  summary: 'Crée un compte (espace de rédaction, ou visiteur des forums « sur abonnement »)',
  usage: `relais user add <email> --role ${ROLES.join('|')} [--name "Prénom Nom"]  (mot de passe lu sur l'entrée standard, sinon généré)`,
  async run(args, ctx) {
    const { positionals, options } = parseArgs(args, { role: 'value', name: 'value' });
    const [email] = positionals;
    if (!email || positionals.length > 1) throw new CliUsageError('Indiquez une seule adresse e-mail.');
    const role = typeof options.role === 'string' ? options.role : '';
    if (!isRole(role)) throw new CliUsageError(`Rôle manquant ou inconnu : choisissez --role ${ROLES.join(', ')}.`);
    const { password, generated } = await readPassword(ctx);
    await withRelais(ctx, async (relais) => {
      const user = await relais.accounts.addUser(null, { email, role, password, name: typeof options.name === 'string' ? options.name : undefined });
      ctx.stdout.write(`Compte créé : ${user.email} (${user.role}).\n`);
      if (generated) ctx.stdout.write(`Mot de passe (affiché une seule fois) : ${password}\n`);
    });
    return 0;
  },
};

/** `relais user passwd <email>`: sets a new password (and closes the account's sessions). */
export const userPasswdCommand: CliCommand = {
  name: 'user passwd',
  summary: 'Change le mot de passe d’un compte',
  usage: 'relais user passwd <email>  (nouveau mot de passe lu sur l’entrée standard, sinon généré)',
  async run(args, ctx) {
    const { positionals } = parseArgs(args, {});
    const [email] = positionals;
    if (!email || positionals.length > 1) throw new CliUsageError('Indiquez une seule adresse e-mail.');
    const { password, generated } = await readPassword(ctx);
    return withRelais(ctx, async (relais) => {
      const user = await relais.accounts.findUserByEmail(email);
      if (!user) {
        ctx.stderr.write(`Aucun compte avec l’adresse ${email}. « relais user add ${email} --role … » le crée.\n`);
        return 1;
      }
      await relais.accounts.setPassword(null, user.id, password);
      ctx.stdout.write(`Mot de passe changé pour ${user.email}.\n`);
      if (generated) ctx.stdout.write(`Nouveau mot de passe (affiché une seule fois) : ${password}\n`);
      return 0;
    });
  },
};
