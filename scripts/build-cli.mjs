// Bundles the CLI (src/cli/main.ts + the pure core) into build/cli.mjs for Node.
// npm packages stay external: they are resolved from node_modules at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'build/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.json': 'json' },
});
