import { parseArgs } from '../../cli/args.js';
import { CliUsageError, type CliCommand } from '../../cli/command.js';
import { printJson, withRelais } from '../../cli/with-relais.js';
import { WatchInputError } from './schema.js';
import { countMatchesByWatch, listWatches, watchScope } from './store.js';

/** `relais watch add <name> "<query>"`: a watch over every source, back-filled over the archive at once. */
export const watchAddCommand: CliCommand = {
  name: 'watch add',
  summary: 'Crée une veille (nom et requête), appliquée aussitôt aux éléments déjà reçus',
  usage: 'relais watch add <nom> "<requête>"',
  async run(args, ctx) {
    const { positionals } = parseArgs(args, {});
    if (positionals.length !== 2) throw new CliUsageError('Indiquez le nom de la veille puis sa requête, entre guillemets.');
    const [name, query] = positionals as [string, string];
    return withRelais(ctx, async (relais) => {
      try {
        const { watch, backfilled } = await relais.watches.create({ name, query }, null);
        ctx.stdout.write(`Veille créée (n° ${watch.id}) : ${watch.name}\n${backfilled} élément(s) déjà reçu(s) y correspondent.\n`);
        return 0;
      } catch (error) {
        if (!(error instanceof WatchInputError)) throw error;
        for (const message of Object.values(error.fields)) ctx.stderr.write(`${message}\n`);
        if (error.queryPosition !== undefined) ctx.stderr.write(`  ${query}\n  ${' '.repeat(error.queryPosition)}^\n`);
        return 1;
      }
    });
  },
};

/** `relais watch list [--json]`: every watch with its query and how many matches it holds. */
export const watchListCommand: CliCommand = {
  name: 'watch list',
  summary: 'Liste les veilles, leur requête et leurs éléments',
  usage: 'relais watch list [--json]',
  async run(args, ctx) {
    const { options } = parseArgs(args, { json: 'flag' });
    return withRelais(ctx, async (relais) => {
      const watches = await listWatches(relais.db.kysely);
      const counts = await countMatchesByWatch(relais.db.kysely);
      if (options['json']) {
        printJson(ctx, watches.map((w) => ({
          id: w.id, name: w.name, query: w.query, scope: watchScope(w), created_at: w.created_at, updated_at: w.updated_at,
          matches: counts.get(w.id)?.total ?? 0, new: counts.get(w.id)?.fresh ?? 0,
        })));
        return 0;
      }
      if (watches.length === 0) ctx.stdout.write('Aucune veille.\n');
      for (const w of watches) {
        const count = counts.get(w.id) ?? { total: 0, fresh: 0 };
        ctx.stdout.write(`${w.id}\t${w.name}\t${w.query}\t${count.total} élément(s), ${count.fresh} nouveau(x)\n`);
      }
      return 0;
    });
  },
};

/** The `relais watch …` commands of this folder (`watch test` lives with the engine in src/veille/match/). */
export const watchCommands: readonly CliCommand[] = Object.freeze([watchAddCommand, watchListCommand]);
