import { resolve } from 'node:path';
import { CliUsageError, type CliCommand } from '../../cli/command.js';
import { parseArgs } from '../../cli/args.js';
import { withRelais } from '../../cli/with-relais.js';
import { AppError } from '../../errors.js';
import { createImportProgress } from './import-progress.js';
import { formatImportReport } from './import-report.js';
import { importSpipSite } from './import-spip-site.js';
import { redirectListCommand, redirectRemoveCommand, redirectSetCommand } from './redirect-cli.js';

/** `relais import spip <spip-database> [--img <folder>] [--dry-run] [--json]`. */
export const importSpipCommand: CliCommand = {
  name: 'import spip',
  summary: 'Importe un site SPIP (base SQLite) : rubriques, articles, forums, documents, auteurs, anciennes adresses',
  usage: 'relais import spip <base-spip.sqlite> [--img <dossier IMG>] [--dry-run] [--json]',
  async run(args, ctx) {
    const { positionals, options } = parseArgs(args, { img: 'value', 'dry-run': 'flag', json: 'flag' });
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new CliUsageError('Indiquez une seule base SPIP (fichier .sqlite).');
    const imgDir = typeof options.img === 'string' ? resolve(options.img) : undefined;
    return withRelais(ctx, async (relais) => {
      try {
        const report = await importSpipSite(
          { db: relais.db, media: relais.media, now: relais.now, progress: createImportProgress(ctx.stderr as NodeJS.WriteStream) },
          resolve(file), { imgDir, dryRun: options['dry-run'] === true },
        );
        ctx.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatImportReport(report));
        return 0;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        ctx.stderr.write(`${error.message}\n`);
        return 1;
      }
    });
  },
};

/** The import's subcommands. */
export const importCommands: readonly CliCommand[] = [importSpipCommand, redirectListCommand, redirectSetCommand, redirectRemoveCommand];
