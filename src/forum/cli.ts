import type { CliCommand } from '../cli/command.js';
import { CliUsageError } from '../cli/command.js';
import { parseArgs } from '../cli/args.js';
import { printJson, withRelais } from '../cli/with-relais.js';
import { CONTRIBUTION_STATUSES, type ContributionStatus } from './contribution.js';
import type { ModerationAction } from './moderation-action.js';
import { listContributionsForModeration } from './store.js';

/** `relais forum list [--status S] [--json]`: contributions newest first, for scripted moderation. */
export const forumListCommand: CliCommand = {
  name: 'forum list',
  summary: 'Liste les messages du forum (les plus récents d’abord)',
  usage: 'relais forum list [--status proposed|published|rejected|spam] [--json]',
  async run(args, ctx) {
    const { options } = parseArgs(args, { status: 'value', json: 'flag' });
    const status = options.status;
    if (status !== undefined && !(CONTRIBUTION_STATUSES as readonly unknown[]).includes(status)) {
      throw new CliUsageError(`Statut inconnu : ${String(status)} (attendu : ${CONTRIBUTION_STATUSES.join(', ')}).`);
    }
    await withRelais(ctx, async (relais) => {
      const rows = (await listContributionsForModeration(relais.db.kysely, { status: status as ContributionStatus | undefined, limit: 1_000_000, offset: 0 }))
        .map((c) => ({
          id: c.id, status: c.status, articleId: c.articleId, articleTitle: c.articleTitle, parentId: c.parentId,
          authorName: c.authorName, email: c.email, body: c.body, createdAt: c.createdAt, ip: c.ip,
          spamScore: c.spamScore, spamReasons: c.spamReasons,
        }));
      if (options.json) return printJson(ctx, rows);
      if (rows.length === 0) ctx.stdout.write('Aucun message.\n');
      for (const r of rows) {
        ctx.stdout.write(`${String(r.id).padStart(6)}  ${r.status.padEnd(9)}  ${r.createdAt.slice(0, 16)}  ${r.authorName}  « ${r.articleTitle} »  ${r.body.replace(/\s+/g, ' ').slice(0, 60)}\n`);
      }
    });
    return 0;
  },
};

const DONE: Readonly<Record<ModerationAction, string>> = Object.freeze({
  approve: 'publié', reject: 'refusé', spam: 'classé comme spam', unpublish: 'dépublié (de nouveau à valider)',
});

function moderationCommand(action: ModerationAction, word: string, summary: string): CliCommand {
  return {
    name: `forum ${word}`,
    summary,
    usage: `relais forum ${word} <id>`,
    async run(args, ctx) {
      const { positionals } = parseArgs(args, {});
      const raw = positionals[0];
      if (positionals.length !== 1 || !/^[1-9]\d{0,9}$/.test(raw ?? '')) throw new CliUsageError('Indiquez le numéro d’un message.');
      return withRelais(ctx, async (relais) => {
        await relais.forum.moderate({ userId: null }, Number(raw), action);
        ctx.stdout.write(`Message ${raw} ${DONE[action]}.\n`);
        return 0;
      });
    },
  };
}

/** `relais forum approve|reject|spam|unpublish <id>`: one moderation action, audited as the command line. */
export const forumModerationCommands: readonly CliCommand[] = Object.freeze([
  moderationCommand('approve', 'approve', 'Publie un message du forum'),
  moderationCommand('reject', 'reject', 'Refuse un message du forum'),
  moderationCommand('spam', 'spam', 'Classe un message du forum comme spam'),
  moderationCommand('unpublish', 'unpublish', 'Dépublie un message du forum (retour à valider)'),
]);
