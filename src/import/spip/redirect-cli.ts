import { CliUsageError, type CliCommand } from '../../cli/command.js';
import { parseArgs } from '../../cli/args.js';
import { printJson, withRelais } from '../../cli/with-relais.js';
import { bumpSiteVersion } from '../../site/site-version.js';
import { oldAddressKey } from './old-address-key.js';
import { deleteSpipRedirect, listSpipRedirects, saveSpipRedirects, type SpipRedirect } from './store.js';

/** An old address as typed (`https://ancien.fr/spip.php?article12`, `/article12.html`, `Titre-de-l-article`) → its key. */
function keyOf(typed: string): string {
  let url = typed.trim();
  try {
    const parsed = new URL(url);
    url = `${parsed.pathname}${parsed.search}`;
  } catch {
    if (!url.startsWith('/')) url = `/${url}`;
  }
  const key = oldAddressKey(url);
  if (key === undefined) throw new CliUsageError(`« ${typed} » n’a pas la forme d’une adresse SPIP.`);
  return key;
}

function target(redirect: SpipRedirect): string {
  return redirect.targetType === 'url' ? redirect.targetUrl ?? '' : `${redirect.targetType} ${redirect.targetId}`;
}

/** `relais import redirect list [--json]`: the old SPIP addresses and where each leads. */
export const redirectListCommand: CliCommand = {
  name: 'import redirect list',
  summary: 'Liste les anciennes adresses SPIP redirigées',
  usage: 'relais import redirect list [--json]',
  async run(args, ctx) {
    const { options } = parseArgs(args, { json: 'flag' });
    await withRelais(ctx, async (relais) => {
      const redirects = await listSpipRedirects(relais.db.kysely);
      if (options.json) return printJson(ctx, redirects);
      for (const r of redirects) ctx.stdout.write(`${r.oldAddress}  →  ${target(r)}\n`);
    });
    return 0;
  },
};

/** `relais import redirect set <old address> <new address>`: adds or changes a redirect by hand. */
export const redirectSetCommand: CliCommand = {
  name: 'import redirect set',
  summary: 'Redirige une ancienne adresse SPIP vers une adresse du site',
  usage: 'relais import redirect set <ancienne adresse> </nouvelle/adresse>',
  async run(args, ctx) {
    const { positionals } = parseArgs(args, {});
    const [from, to, ...extra] = positionals;
    if (from === undefined || to === undefined || extra.length > 0) throw new CliUsageError('Indiquez l’ancienne adresse puis la nouvelle.');
    if (!/^\/(?!\/)\S*$/.test(to)) throw new CliUsageError('La nouvelle adresse est un chemin du site, commençant par « / » (par exemple /article/fete-du-village).');
    const key = keyOf(from);
    await withRelais(ctx, async (relais) => {
      await relais.db.kysely.transaction().execute(async (trx) => {
        await saveSpipRedirects(trx, [{ oldAddress: key, targetType: 'url', targetId: null, targetUrl: to }]);
        await bumpSiteVersion(trx);
      });
      ctx.stdout.write(`${key}  →  ${to}\n`);
    });
    return 0;
  },
};

/** `relais import redirect remove <old address>`. */
export const redirectRemoveCommand: CliCommand = {
  name: 'import redirect remove',
  summary: 'Retire la redirection d’une ancienne adresse SPIP',
  usage: 'relais import redirect remove <ancienne adresse>',
  async run(args, ctx) {
    const { positionals } = parseArgs(args, {});
    const [from, ...extra] = positionals;
    if (from === undefined || extra.length > 0) throw new CliUsageError('Indiquez une ancienne adresse.');
    const key = keyOf(from);
    return withRelais(ctx, async (relais) => {
      if (!(await deleteSpipRedirect(relais.db.kysely, key))) {
        ctx.stderr.write(`Aucune redirection pour ${key}.\n`);
        return 1;
      }
      ctx.stdout.write(`Redirection retirée : ${key}\n`);
      return 0;
    });
  },
};
