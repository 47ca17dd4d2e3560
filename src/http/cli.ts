import type { CliCommand } from '../cli/command.js';
import { parseConfig } from '../config.js';
import { openRelais, startBackgroundWork } from '../main.js';
import { prepareFirstStart } from '../site/first-start.js';
import { buildApp } from './app.js';

/** `relais serve`: the web process (on SQLite it also runs the background jobs in-process). */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Démarre le site (et, sur SQLite, les tâches de fond)',
  usage: 'relais serve',
  async run(_args, ctx) {
    const config = parseConfig(ctx.env);
    const relais = await openRelais(config);
    for (const line of await prepareFirstStart(relais)) ctx.stdout.write(line + '\n');
    const app = await buildApp(relais);
    await app.listen({ port: config.port, host: config.host });
    if (relais.db.dialect === 'sqlite') await startBackgroundWork(relais);
    ctx.stdout.write(`Relais est en ligne : ${config.publicUrl}/ (espace de rédaction : ${config.publicUrl}/ecrire/)\n`);

    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    relais.logger.info('http.server.stopping');
    await app.close();
    await relais.close();
    return 0;
  },
};
