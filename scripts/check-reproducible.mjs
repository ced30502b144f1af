// `npm run package:reproducible`: two fresh clones of HEAD, in two different folders, each build
// and package the extension; the three zips must be byte-identical. (The clones borrow this
// checkout's node_modules, so both use the same locked dependencies.) Exits 1 when they differ.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
const base = mkdtempSync(join(tmpdir(), 'job-entities-repro-'));
// Build output stays quiet; a failing step's stderr is in the thrown error.
const run = (/** @type {string} */ cmd, /** @type {string[]} */ args, /** @type {string} */ cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });

/** @param {string} name */
function buildIn(name) {
  const dir = join(base, name);
  run('git', ['clone', '--quiet', '--no-checkout', ROOT, dir], base);
  run('git', ['checkout', '--quiet', '--detach', head], dir);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'junction');
  run('npm', ['run', '--silent', 'build:ext'], dir);
  run('node', ['scripts/package.mjs', '--no-lint'], dir);
  const out = join(dir, 'build', 'packages');
  return Object.fromEntries(
    readdirSync(out)
      .filter((f) => f.endsWith('.zip'))
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(out, f)))
          .digest('hex'),
      ]),
  );
}

/** @type {boolean} */
let same;
try {
  const a = buildIn('first-clone');
  const b = buildIn('second clone');
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  same = names.length === 3 && names.every((n) => a[n] && a[n] === b[n]);
  for (const n of names)
    console.log(`${a[n] === b[n] ? 'same     ' : 'DIFFERENT'} ${n}  ${a[n] ?? '(missing)'}  ${b[n] ?? '(missing)'}`);
} finally {
  rmSync(base, { recursive: true, force: true });
}
console.log(
  same
    ? `Reproducible: two clones of ${head.slice(0, 12)} gave byte-identical zips.`
    : 'NOT reproducible: the zips differ (see above).',
);
process.exit(same ? 0 : 1);
