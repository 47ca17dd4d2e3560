import { CliUsageError, type CliCommand } from '../cli/command.js';
import { parseConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openRelais, startBackgroundWork } from '../main.js';

/**
 * `relais worker`: runs background jobs until SIGINT or SIGTERM, then lets running jobs finish
 * and closes Relais. Start as many as needed on PostgreSQL: each job runs once.
 */
export const workerCommand: CliCommand = {
  name: 'worker',
  summary: 'Exécute les tâches de fond (publications programmées…) jusqu’à son arrêt',
  usage: 'relais worker',
  async run(args, ctx) {
    if (args.length > 0) throw new CliUsageError(`Argument inattendu : « ${args[0]} ».`);
    const logger = createLogger({ level: ctx.env.LOG_LEVEL ?? 'info' });
    const relais = await openRelais(parseConfig(ctx.env), { logger });
    let signal: NodeJS.Signals;
    try {
      const stopped = nextStopSignal();
      await startBackgroundWork(relais);
      logger.info({ dialect: relais.db.dialect, pid: process.pid }, 'jobs.worker.started');
      signal = await stopped;
      logger.info({ signal }, 'jobs.worker.stopping');
    } finally {
      await relais.close();
    }
    logger.info('jobs.worker.stopped');
    return 0;
  },
};

/** Resolves on the first SIGINT or SIGTERM; a second one gets Node's default (immediate exit). */
function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
