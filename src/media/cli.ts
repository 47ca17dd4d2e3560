import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { CliUsageError, type CliCommand } from '../cli/command.js';
import { parseArgs } from '../cli/args.js';
import { printJson, withRelais } from '../cli/with-relais.js';
import { AppError, ValidationError } from '../errors.js';
import { mediaUrl, type MediaItem } from './media-item.js';
import { countMediaUses, listMediaItems } from './store.js';

/** An item as the CLI prints it: its id, texts and every URL it is served at. */
function describe(item: MediaItem, publicUrl: string, uses?: number) {
  return {
    id: item.id, kind: item.kind, title: item.title, mime: item.mime, bytes: item.byteSize, width: item.width, height: item.height,
    alt: item.alt, decorative: item.decorative, credit: item.credit,
    url: `${publicUrl}${mediaUrl(item.storageKey)}`,
    variants: item.variants.map((v) => ({ width: v.width, format: v.format, url: `${publicUrl}${mediaUrl(v.key)}` })),
    ...(uses !== undefined ? { uses } : {}),
  };
}

/** `relais media add <file> (--alt "<text>" | --decorative) [--credit "<text>"] [--json]`. */
export const mediaAddCommand: CliCommand = {
  name: 'media add',
  summary: 'Ajoute une image ou un document à la médiathèque',
  usage: 'relais media add <fichier> (--alt "<texte>" | --decorative) [--credit "<texte>"] [--title "<titre>"] [--caption "<légende>"] [--json]',
  async run(args, ctx) {
    const { positionals, options } = parseArgs(args, { alt: 'value', decorative: 'flag', credit: 'value', title: 'value', caption: 'value', json: 'flag' });
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new CliUsageError('Indiquez un seul fichier.');
    if (options.alt !== undefined && options.decorative) throw new CliUsageError('Choisissez --alt ou --decorative, pas les deux.');
    return withRelais(ctx, async (relais) => {
      try {
        const { item, created } = await relais.media.add({ source: createReadStream(file), fileName: basename(file) }, {
          alt: typeof options.alt === 'string' ? options.alt : undefined,
          decorative: options.decorative === true,
          credit: typeof options.credit === 'string' ? options.credit : undefined,
          title: typeof options.title === 'string' ? options.title : undefined,
          caption: typeof options.caption === 'string' ? options.caption : undefined,
        }, null);
        const row = { ...describe(item, relais.config.publicUrl), created };
        if (options.json) {
          ctx.stdout.write(JSON.stringify(row, null, 2) + '\n');
        } else {
          ctx.stdout.write(`${created ? 'Ajouté' : 'Déjà dans la médiathèque'} : n° ${item.id} (${item.kind === 'image' ? 'image' : 'document'}) « ${item.title} »\n  ${row.url}\n`);
          for (const v of row.variants) ctx.stdout.write(`  ${v.url}  (${v.width} px, ${v.format})\n`);
        }
        return 0;
      } catch (error) {
        if (error instanceof ValidationError) ctx.stderr.write(`${Object.values(error.fields).join('\n')}\n`);
        else if (error instanceof AppError) ctx.stderr.write(`${error.message}\n`);
        else if ((error as NodeJS.ErrnoException).code === 'ENOENT') ctx.stderr.write(`Fichier introuvable : ${file}\n`);
        else throw error;
        return 1;
      }
    });
  },
};

/** `relais media list [--json]`: every item, newest first, with its URL and how many places use it. */
export const mediaListCommand: CliCommand = {
  name: 'media list',
  summary: 'Liste la médiathèque',
  usage: 'relais media list [--json]',
  async run(args, ctx) {
    const { options } = parseArgs(args, { json: 'flag' });
    await withRelais(ctx, async (relais) => {
      const items = await listMediaItems(relais.db.kysely, { limit: 1_000_000, offset: 0 });
      const uses = await countMediaUses(relais.db.kysely, items.map((i) => i.id));
      const rows = items.map((item) => describe(item, relais.config.publicUrl, uses.get(item.id) ?? 0));
      if (options.json) return printJson(ctx, rows);
      if (rows.length === 0) return void ctx.stdout.write('La médiathèque est vide.\n');
      for (const r of rows) {
        ctx.stdout.write(`${String(r.id).padStart(5)}  ${r.kind.padEnd(8)}  ${String(r.uses).padStart(3)} usage(s)  ${r.title}  ${r.url}\n`);
      }
    });
    return 0;
  },
};

/** The media library's subcommands. */
export const mediaCommands: readonly CliCommand[] = [mediaAddCommand, mediaListCommand];
