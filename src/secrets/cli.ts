import { existsSync } from 'node:fs';
import type { CliCommand, CliContext } from '../cli/command.js';
import { parseArgs } from '../cli/args.js';
import { CliUsageError } from '../cli/command.js';
import { withRelais } from '../cli/with-relais.js';
import { parseConfig } from '../config.js';
import { AppError } from '../errors.js';
import { readNewKey, refuseKeyInArguments } from './read-new-key.js';
import { rotateSecretKey } from './rotate-secret-key.js';
import { SECRET_COLUMNS } from './secret-columns.js';
import { discardStagedSecretKeyFile, installStagedSecretKeyFile, stagedSecretKeyFile, stageSecretKeyFile } from './secret-key-file.js';
import { keyFingerprint, secretKeyFile } from './secret-key.js';

/** `relais key rotate`: replaces the secret key, re-encrypting every stored secret in one transaction. */
export const keyRotateCommand: CliCommand = {
  name: 'key rotate',
  summary: 'Change la clé secrète et rechiffre les secrets enregistrés',
  usage: 'relais key rotate [--new-key-file <fichier> | --generate]\n' +
    '  Sans option, la nouvelle clé est lue sur l’entrée standard. Arrêtez le site et les workers avant de changer la clé.',
  async run(args, ctx) {
    refuseKeyInArguments(args);
    const { positionals, options } = parseArgs(args, { 'new-key-file': 'value', generate: 'flag' });
    if (positionals.length > 0) throw new CliUsageError(`Argument inattendu : ${positionals[0]}`);
    const config = parseConfig(ctx.env);
    const newKey = await readNewKey(
      { file: options['new-key-file'] as string | undefined, generate: options.generate === true },
      ctx.stdin,
      (text) => ctx.stderr.write(text),
    );
    // On SQLite without SECRET_KEY the key lives in the data folder and is replaced there.
    const keyInFile = config.secretKey === undefined;
    if (keyInFile && existsSync(stagedSecretKeyFile(config.dataDir))) throw interruptedRotation(config.dataDir);
    const report = await withRelais(ctx, async (relais) => {
      if (newKey === relais.secretKey) throw new CliUsageError('La nouvelle clé est identique à la clé actuelle.');
      if (!keyInFile) return rotateSecretKey(relais.db.kysely, { oldKey: relais.secretKey, newKey }, SECRET_COLUMNS);
      stageSecretKeyFile(config.dataDir, newKey);
      try {
        const done = await rotateSecretKey(relais.db.kysely, { oldKey: relais.secretKey, newKey }, SECRET_COLUMNS);
        installStagedSecretKeyFile(config.dataDir);
        return done;
      } catch (error) {
        discardStagedSecretKeyFile(config.dataDir);
        throw error;
      }
    });
    const count = Object.values(report).reduce((sum, n) => sum + n, 0);
    ctx.stderr.write(`Clé secrète changée : ${count} secret(s) rechiffré(s), nouvelle empreinte ${keyFingerprint(newKey)}.\n`);
    if (keyInFile) printFileInstructions(ctx, secretKeyFile(config.dataDir));
    else printEnvInstructions(ctx, newKey, options.generate === true);
    return 0;
  },
};

function printFileInstructions(ctx: CliContext, file: string): void {
  ctx.stderr.write(
    `La nouvelle clé est enregistrée dans ${file} (droits 600).\n` +
    'Redémarrez le site pour qu’il l’utilise, et remplacez la copie de secret.key que vous gardez avec vos sauvegardes : ' +
    'les sauvegardes faites avant ce changement ne se restaurent qu’avec l’ANCIENNE clé, gardez-la aussi.\n',
  );
}

function printEnvInstructions(ctx: CliContext, newKey: string, generated: boolean): void {
  if (generated) {
    ctx.stderr.write('Nouvelle clé générée, affichée ci-dessous (elle ne sera plus jamais affichée) :\n');
    ctx.stdout.write(newKey + '\n');
  }
  ctx.stderr.write(
    'À FAIRE MAINTENANT : remplacez SECRET_KEY par la nouvelle clé dans la configuration de CHAQUE processus Relais ' +
    '(site, workers, tâches planifiées, sur chaque serveur), puis redémarrez-les. ' +
    'Avec l’ancienne clé, Relais refusera de démarrer (empreinte différente).\n' +
    'Gardez aussi l’ancienne clé : les sauvegardes faites avant ce changement ne se restaurent qu’avec elle.\n',
  );
}

function interruptedRotation(dataDir: string): AppError {
  const staged = stagedSecretKeyFile(dataDir);
  return new AppError('secrets.rotation_interrupted', 500,
    `Un changement de clé précédent s’est interrompu : ${staged} existe encore. ` +
    `Si Relais refuse de démarrer (empreinte différente), renommez-le en ${secretKeyFile(dataDir)} ; sinon supprimez-le. Puis relancez.`);
}
