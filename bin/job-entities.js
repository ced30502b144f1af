#!/usr/bin/env node
// Thin launcher: the CLI is bundled by `npm run build:cli` into build/cli.mjs.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'build', 'cli.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('job-entities: the CLI is not built yet. Run `npm run build` in ' + root + ' first.\n');
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
