// Makes the built CLI executable so `npx relais` and the package `bin` work.
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/src/cli.js', import.meta.url), 0o755);
