#!/usr/bin/env node
import { runCli } from './cli/run-cli.js';
import { COMMANDS } from './cli/commands.js';

/** The `relais` command. */
const code = await runCli(COMMANDS, process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
// Long-running commands (serve, worker) never resolve; the others exit with their code.
process.exitCode = code;
