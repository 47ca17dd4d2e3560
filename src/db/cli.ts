import type { CliCommand } from '../cli/command.js';
import { withRelais } from '../cli/with-relais.js';

/** `relais migrate`: brings the database schema up to date (opening Relais migrates). */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Met à jour le schéma de la base de données',
  usage: 'relais migrate',
  async run(_args, ctx) {
    await withRelais(ctx, async (relais) => {
      ctx.stderr.write(`Base de données à jour (${relais.db.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}).\n`);
    });
    return 0;
  },
};
