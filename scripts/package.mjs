// `npm run package` (after `npm run build:ext`): checks the two builds and zips them for the stores,
// with the source archive Firefox Add-ons review asks for:
//   build/packages/job-entities-chrome-VERSION.zip   dist/ (Chrome Web Store, Edge Add-ons)
//   build/packages/job-entities-firefox-VERSION.zip  dist-firefox/ (addons.mozilla.org)
//   build/packages/job-entities-source-VERSION.zip   `git archive HEAD` (the reviewers rebuild from it)
// Checks: manifest.json at the zip root with package.json's version; no source maps, TypeScript or
// tests inside. The zips are reproducible (sorted entries, the HEAD commit's time on every entry, see
// scripts/zip.mjs). Then each zip is unpacked to build/packages/unpacked/{chrome,firefox}/, read back
// byte for byte, and linted with `web-ext lint`: Firefox 0 errors, and only the warnings
// scripts/lint-expectations.mjs explains; Chrome only the Firefox-only errors.
// Flags: --no-lint skips the lint (scripts/check-reproducible.mjs uses it).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME_FIREFOX_ONLY_ERRORS, CHROME_WARNINGS, FIREFOX_WARNINGS } from './lint-expectations.mjs';
import { readZip, writeZip } from './zip.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'build', 'packages');
const lint = !process.argv.includes('--no-lint');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const version = pkg.version;

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

/** @param {string} dir */
function listFiles(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) out.push(relative(dir, p).split(sep).join('/'));
      else fail(`${p} is neither a file nor a folder (a link?); the package takes plain files only.`);
    }
  };
  walk(dir);
  return out.sort();
}

/** What must never ship in an extension package. */
/** @param {string} name @param {Buffer} data */
function forbidden(name, data) {
  if (/\.map$/.test(name)) return 'a source map';
  if (/\.(ts|tsx|mts|cts)$/.test(name)) return 'TypeScript source';
  if (/(^|\/)(test|tests|__tests__|e2e|fixtures)\//.test(name) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(name))
    return 'a test file';
  if (/\.(js|css|html)$/.test(name) && /[#@]\s*sourceMappingURL=/.test(data.toString('utf8')))
    return 'a file that points at a source map';
  return undefined;
}

/** @param {Buffer} buf */
function sha256(buf) {
  return createHash('sha256').update(buf).digest('hex');
}

/** Every entry gets the HEAD commit's time (as `git archive` does), so a rebuild of one commit gives the same bytes. */
function commitTime() {
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
  try {
    return new Date(
      Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' }).trim()) * 1000,
    );
  } catch {
    fail('Not a git checkout: set SOURCE_DATE_EPOCH (seconds) for the time stamped on the zip entries.');
  }
}

/** @param {string} browser @param {string} distDir @param {Date} mtime */
function packageBuild(browser, distDir, mtime) {
  const dir = join(ROOT, distDir);
  if (!existsSync(join(dir, 'manifest.json')))
    fail(`${distDir}/manifest.json is missing: run \`npm run build:ext\` first.`);
  const names = listFiles(dir);
  const files = names.map((name) => ({ name, data: readFileSync(join(dir, name)) }));
  for (const f of files) {
    const what = forbidden(f.name, f.data);
    if (what)
      fail(
        `${distDir}/${f.name} is ${what}; it must not ship. Check the build settings (sourcemap: false) and rebuild.`,
      );
  }
  const manifestFile = files.find((f) => f.name === 'manifest.json');
  if (!manifestFile) fail(`${distDir}/manifest.json is missing: run \`npm run build:ext\` first.`);
  const manifest = JSON.parse(manifestFile.data.toString('utf8'));
  if (manifest.version !== version)
    fail(
      `${distDir}/manifest.json has version ${manifest.version}, package.json ${version}: rebuild with \`npm run build:ext\`.`,
    );
  const zip = writeZip(files, mtime);
  const zipName = `job-entities-${browser}-${version}.zip`;
  writeFileSync(join(OUT, zipName), zip);

  // Read back what was written: the same files, byte for byte, manifest.json at the root.
  const back = readZip(readFileSync(join(OUT, zipName)));
  if (back.length !== files.length || back.some((e, i) => e.name !== files[i].name || !e.data.equals(files[i].data)))
    fail(`${zipName} does not hold exactly the files of ${distDir}/.`);
  if (!back.some((e) => e.name === 'manifest.json')) fail(`${zipName} has no manifest.json at its root.`);
  const unpacked = join(OUT, 'unpacked', browser);
  rmSync(unpacked, { recursive: true, force: true });
  for (const e of back) {
    mkdirSync(dirname(join(unpacked, e.name)), { recursive: true });
    writeFileSync(join(unpacked, e.name), e.data);
  }
  return { zipName, zip, unpacked, count: files.length };
}

function packageSource() {
  const zipName = `job-entities-source-${version}.zip`;
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  if (dirty)
    console.warn(`package: the source archive is the last commit (HEAD); uncommitted changes are not in ${zipName}.`);
  execFileSync(
    'git',
    ['archive', '--format=zip', `--prefix=job-entities-${version}/`, '-o', join(OUT, zipName), 'HEAD'],
    { cwd: ROOT },
  );
  const zip = readFileSync(join(OUT, zipName));
  const names = new Set(readZip(zip).map((e) => e.name.slice(`job-entities-${version}/`.length)));
  for (const need of ['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'README.md']) {
    if (!names.has(need)) fail(`${zipName} lacks ${need}: reviewers rebuild from it.`);
  }
  for (const n of names)
    if (/^(dist|dist-firefox|node_modules|build)\//.test(n))
      fail(`${zipName} holds ${n}: built files must not be committed.`);
  return { zipName, zip, count: names.size };
}

/** @param {string} dir */
function webExtLint(dir) {
  const bin = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'web-ext.cmd' : 'web-ext');
  let out;
  try {
    out = execFileSync(bin, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = /** @type {{ stdout?: string, message?: string }} */ (e);
    // web-ext exits 1 when the linter reports errors; the JSON is still on stdout.
    out = err.stdout;
    if (!out) fail(`web-ext lint did not run: ${String(err.message).split('\n')[0]}`);
  }
  return JSON.parse(out.slice(out.indexOf('{')));
}

/**
 * @typedef {{ code: string, file?: string, message?: string }} Finding
 * @param {Finding[]} findings
 * @param {{ code: string, file?: RegExp }[]} expected
 */
function unexplained(findings, expected) {
  return findings.filter((f) => !expected.some((e) => e.code === f.code && (!e.file || e.file.test(f.file ?? ''))));
}

/** @param {Finding[]} list */
function describeFindings(list) {
  return list.map((f) => `  ${f.code} ${f.file ?? ''}: ${f.message}`).join('\n');
}

mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (f.endsWith('.zip')) rmSync(join(OUT, f));
const mtime = commitTime();
const chrome = packageBuild('chrome', 'dist', mtime);
const firefox = packageBuild('firefox', 'dist-firefox', mtime);
const source = packageSource();

if (lint) {
  const ff = webExtLint(firefox.unpacked);
  if (ff.errors.length) fail(`web-ext lint found errors in the Firefox package:\n${describeFindings(ff.errors)}`);
  const ffNew = unexplained(ff.warnings, FIREFOX_WARNINGS);
  if (ffNew.length)
    fail(
      `web-ext lint warnings on the Firefox package that scripts/lint-expectations.mjs does not explain (fix them, or explain them there and in README.md):\n${describeFindings(ffNew)}`,
    );
  const cr = webExtLint(chrome.unpacked);
  const crErrors = unexplained(cr.errors, CHROME_FIREFOX_ONLY_ERRORS);
  if (crErrors.length)
    fail(
      `web-ext lint found errors in the Chrome package beyond the Firefox-only ones:\n${describeFindings(crErrors)}`,
    );
  const crNew = unexplained(cr.warnings, CHROME_WARNINGS);
  if (crNew.length)
    fail(
      `web-ext lint warnings on the Chrome package that scripts/lint-expectations.mjs does not explain:\n${describeFindings(crNew)}`,
    );
  console.log(
    `web-ext lint: firefox ${ff.errors.length} errors, ${ff.warnings.length} explained warnings; chrome ${cr.errors.length} Firefox-only errors, ${cr.warnings.length} explained warnings`,
  );
}

for (const p of [chrome, firefox, source]) {
  console.log(
    `${relative(ROOT, join(OUT, p.zipName))}  ${p.count} files, ${(p.zip.length / 1024).toFixed(0)} KB, sha256 ${sha256(p.zip)}`,
  );
}
