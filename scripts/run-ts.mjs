// Runs a TypeScript script (bench/, scripts/) on Node 20: bundles it with esbuild into build/run/
// (npm packages stay external) and imports it. Usage: node scripts/run-ts.mjs FILE.ts [args...]
import { build } from 'esbuild';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args...]');
  process.exit(2);
}
const outfile = resolve('build/run', basename(file).replace(/\.tsx?$/, '') + '.mjs');
await build({
  entryPoints: [file],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  jsx: 'automatic',
  jsxImportSource: 'preact',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
