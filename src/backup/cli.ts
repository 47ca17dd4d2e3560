import { statSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from '../cli/args.js';
import { CliUsageError, type CliCommand } from '../cli/command.js';
import { withRelais } from '../cli/with-relais.js';
import { parseConfig } from '../config.js';
import { secretKeyFile } from '../secrets/secret-key.js';
import { createBackup } from './create-backup.js';
import type { BackupManifest } from './manifest.js';
import { restoreBackup } from './restore-backup.js';

/** `relais backup <file>`: database, media and key fingerprint in one archive, site running. */
export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Sauvegarde la base et les médias dans une archive .tar.gz (sans la clé secrète)',
  usage: 'relais backup <fichier.tar.gz> [--force]   (--force : remplace un fichier existant)',
  async run(args, ctx) {
    const { positionals, options } = parseArgs(args, { force: 'flag' });
    const file = onlyFile(positionals);
    if (existsSync(file) && options.force !== true) {
      throw new CliUsageError(`Le fichier ${file} existe déjà : choisissez un autre nom ou ajoutez --force.`);
    }
    const config = parseConfig(ctx.env);
    const manifest = await withRelais(ctx, (relais) => createBackup(relais, file, ctx.env));
    const keyPlace = config.secretKey === undefined ? `le fichier ${secretKeyFile(config.dataDir)}` : 'la valeur de SECRET_KEY';
    ctx.stderr.write(
      `Sauvegarde écrite : ${resolve(file)} (${size(statSync(file).size)}, ${describe(manifest)}).\n` +
      `La clé secrète n’est PAS dans l’archive : conservez à part, en lieu sûr, ${keyPlace} (empreinte ${manifest.keyFingerprint}). ` +
      'Sans elle, cette sauvegarde ne pourra pas être restaurée.\n',
    );
    return 0;
  },
};

/** `relais restore <file>`: into an empty data folder or database, after checking the key. */
export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Restaure une sauvegarde dans un dossier de données ou une base vide',
  usage: 'relais restore <fichier.tar.gz> [--force]   (--force : écrase le site existant ; arrêtez le site avant)',
  async run(args, ctx) {
    const { positionals, options } = parseArgs(args, { force: 'flag' });
    const file = onlyFile(positionals);
    const manifest = await restoreBackup(parseConfig(ctx.env), file, { force: options.force === true, env: ctx.env });
    ctx.stderr.write(
      `Restauration terminée : sauvegarde du ${new Date(manifest.createdAt).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' })} (Relais ${manifest.relaisVersion}, ${describe(manifest)}), schéma à jour.\n` +
      'Vous pouvez (re)démarrer le site.\n',
    );
    return 0;
  },
};

function onlyFile(positionals: readonly string[]): string {
  if (positionals.length !== 1) throw new CliUsageError('Indiquez un (et un seul) fichier d’archive.');
  return positionals[0]!;
}

function describe(manifest: BackupManifest): string {
  const media = manifest.contents.filter((e) => e.path.startsWith('media/')).length;
  return `base ${manifest.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${media} fichier(s) de médias`;
}

function size(bytes: number): string {
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, 'ko'] : [bytes / 1_000_000, 'Mo'];
  return `${value.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} ${unit}`;
}
