import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CliUsageError } from '../cli/command.js';

/** Where a page's token comes from on the command line. */
export interface TokenSource {
  readonly token: string | undefined;
  readonly file: string | undefined;
}

/**
 * Reads a page's token from `--token-file`, else standard input (its first line), else
 * `--token`, which is accepted with a warning: the shell history and the process list keep it.
 */
export async function readToken(source: TokenSource, stdin: Readable, warn: (text: string) => void): Promise<string> {
  if (source.token !== undefined && source.file !== undefined) throw new CliUsageError('Choisissez soit --token, soit --token-file.');
  let token: string;
  if (source.file !== undefined) {
    token = await readFile(source.file, 'utf8').catch(() => {
      throw new CliUsageError(`Impossible de lire le fichier du jeton « ${source.file} ».`);
    });
  } else if (source.token !== undefined) {
    warn('Attention : un jeton donné avec --token reste dans l’historique du shell et visible dans la liste des processus. '
      + 'Préférez --token-file <fichier> ou l’entrée standard, et pensez à effacer cette ligne de l’historique.\n');
    token = source.token;
  } else {
    if ((stdin as { isTTY?: boolean }).isTTY) warn('Jeton d’accès de la page, puis Entrée : ');
    token = '';
    for await (const chunk of stdin) {
      token += String(chunk);
      if (token.includes('\n')) break;
    }
  }
  token = token.split('\n')[0]!.trim();
  if (token === '') throw new CliUsageError('Aucun jeton reçu : donnez-le avec --token-file <fichier> ou sur l’entrée standard.');
  return token;
}
