import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CliUsageError } from '../cli/command.js';

/** Where the new key comes from: a file, a fresh random key, or else standard input. */
export interface NewKeySource {
  readonly file: string | undefined;
  readonly generate: boolean;
}

/**
 * Reads the new secret key (never from the command line, where the shell history and the
 * process list would keep it) and checks it is long enough.
 */
export async function readNewKey(source: NewKeySource, stdin: Readable, prompt: (text: string) => void): Promise<string> {
  if (source.file !== undefined && source.generate) {
    throw new CliUsageError('Choisissez soit --new-key-file, soit --generate.');
  }
  let key: string;
  if (source.generate) key = randomBytes(32).toString('hex');
  else if (source.file !== undefined) key = (await readKeyFile(source.file)).trim();
  else {
    if ((stdin as { isTTY?: boolean }).isTTY) prompt('Nouvelle clé secrète (au moins 32 caractères), puis Entrée : ');
    key = (await readFirstLine(stdin)).trim();
  }
  if (/\s/.test(key)) throw new CliUsageError('La nouvelle clé doit tenir sur une seule ligne, sans espace.');
  if (key.length < 32) {
    throw new CliUsageError('La nouvelle clé doit faire au moins 32 caractères (par exemple : openssl rand -hex 32), ou utilisez --generate.');
  }
  return key;
}

/** Refuses `--new-key <clé>` with the reason, instead of a bare "unknown option". */
export function refuseKeyInArguments(args: readonly string[]): void {
  if (args.some((arg) => arg === '--new-key' || arg.startsWith('--new-key='))) {
    throw new CliUsageError(
      'Ne donnez jamais la clé en argument : elle resterait dans l’historique du shell et visible dans la liste des processus. ' +
      'Utilisez --new-key-file <fichier>, l’entrée standard, ou --generate.',
    );
  }
}

async function readKeyFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new CliUsageError(`Impossible de lire le fichier de clé « ${file} ».`);
  }
}

async function readFirstLine(stdin: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0] ?? '';
}
