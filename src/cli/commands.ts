import type { CliCommand } from './command.js';
import { migrateCommand } from '../db/cli.js';
import { serveCommand } from '../http/cli.js';
import { userAddCommand, userPasswdCommand } from '../accounts/cli.js';
import { articleListCommand, demoCommand } from '../blog/cli.js';
import { backupCommand, restoreCommand } from '../backup/cli.js';
import { keyRotateCommand } from '../secrets/cli.js';
import { workerCommand } from '../jobs/cli.js';
import { markupCommand } from '../markup/cli.js';
import { forumListCommand, forumModerationCommands } from '../forum/cli.js';
import { feedParseCommand } from '../veille/parse/cli.js';
import { sourcesCommands } from '../veille/sources/cli.js';
import { watchCommands } from '../veille/watches/cli.js';
import { matchCommands } from '../veille/match/cli.js';
import { relayCommands } from '../relay/cli.js';
import { mediaCommands } from '../media/cli.js';
import { importCommands } from '../import/spip/cli.js';

/** Every `relais` subcommand; each feature exports its own from its `cli.ts`. */
export const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  migrateCommand,
  userAddCommand,
  userPasswdCommand,
  demoCommand,
  articleListCommand,
  backupCommand,
  restoreCommand,
  keyRotateCommand,
  workerCommand,
  markupCommand,
  forumListCommand,
  ...forumModerationCommands,
  feedParseCommand,
  ...sourcesCommands,
  ...watchCommands,
  ...matchCommands,
  ...relayCommands,
  ...mediaCommands,
  ...importCommands,
];
