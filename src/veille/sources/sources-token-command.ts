import { parseArgs } from '../../cli/args.js';
import { CliUsageError, type CliCommand } from '../../cli/command.js';
import { withRelais } from '../../cli/with-relais.js';
import { changeSourceToken } from './change-source-token.js';
import { readTokenOption } from './social-source-options.js';
import { getSource } from './store.js';

/**
 * `relais sources token <n°> (--token-file <fichier> | --token-stdin | --remove)`: replaces an
 * expired Mastodon token, or removes it (`changeSourceToken`); the token is never printed.
 */
export const sourcesTokenCommand: CliCommand = {
  name: 'sources token',
  summary: 'Remplace (ou retire) le jeton d’accès d’une source Mastodon',
  usage: 'relais sources token <n°> (--token-file <fichier> | --token-stdin | --remove)',
  async run(args, ctx) {
    const { positionals, options } = parseArgs(args, { 'token-file': 'value', 'token-stdin': 'flag', token: 'value', remove: 'flag' });
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isSafeInteger(id) || id <= 0) throw new CliUsageError('Indiquez le numéro d’une source (voir « relais sources list »).');
    const token = options['remove'] === true ? undefined : await readTokenOption('mastodon', options, ctx.stdin, (text) => ctx.stderr.write(text));
    if (options['remove'] === true && Object.keys(options).length > 1) throw new CliUsageError('--remove ne se combine pas avec un nouveau jeton.');
    if (options['remove'] !== true && token === undefined) throw new CliUsageError('Donnez le nouveau jeton avec --token-file <fichier> ou --token-stdin, ou retirez-le avec --remove.');
    return withRelais(ctx, async (relais) => {
      const source = await getSource(relais.db.kysely, id);
      if (!source) {
        ctx.stderr.write(`Aucune source n° ${id}.\n`);
        return 1;
      }
      const change = await changeSourceToken({ db: relais.db, keyring: relais.keyring, now: relais.now }, source, token, null);
      if (!change.ok) throw new CliUsageError(change.error);
      ctx.stdout.write(token === undefined ? `Jeton d’accès retiré : ${source.title || source.url}\n` : `Jeton d’accès enregistré (chiffré) : ${source.title || source.url}\n`);
      return 0;
    });
  },
};
