// Finds a Chromium or Chrome the browser tests can drive (playwright-core with executablePath).
// Order: $CHROMIUM_PATH, Debian/Ubuntu/Fedora/macOS install paths, programs on PATH, Playwright's
// browser cache. Used by scripts/ensure-chromium.mjs, test/e2e/fixtures.ts and bench/popup.ts.
// Also the launch flags shared by the quick start and the browser tests.
import { binaryVersion, onPath } from './find-binary.mjs';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const FIXED_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const PROGRAMS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/**
 * Flags that load the unpacked extension in `distDir` (and no other) into a fresh profile that
 * stays quiet: no background requests, component updates, sync or first-run page.
 */
export function extensionArgs(distDir) {
  return [
    `--disable-extensions-except=${distDir}`,
    `--load-extension=${distDir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

/** Flags for a headless run (the tests, CI): the new headless mode, no GPU, no /dev/shm, no sandbox. */
export const HEADLESS_ARGS = Object.freeze([
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-sandbox',
]);

/** The file a successful ensure-chromium run writes, read by the tests. */
export const CHROMIUM_JSON = 'build/chromium.json';

function inPlaywrightCache() {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return undefined;
  const dirs = readdirSync(root)
    .filter((d) => /^chromium(-\d+)?$/.test(d))
    .sort()
    .reverse();
  for (const d of dirs) {
    for (const rel of [
      'chrome-linux64/chrome',
      'chrome-linux/chrome',
      'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
    ]) {
      const p = join(root, d, rel);
      if (existsSync(p)) return p;
    }
  }
  return undefined;
}

/** Does the binary start? (`--version` exits at once.) */
export function chromiumVersion(path) {
  return binaryVersion(path);
}

/** The first Chromium found, with where it came from; undefined when there is none. */
export function findChromium() {
  const candidates = [];
  if (process.env.CHROMIUM_PATH) candidates.push({ path: process.env.CHROMIUM_PATH, from: 'CHROMIUM_PATH' });
  for (const p of FIXED_PATHS) candidates.push({ path: p, from: 'system' });
  for (const prog of PROGRAMS) {
    const p = onPath(prog);
    if (p) candidates.push({ path: p, from: 'PATH' });
  }
  const cached = inPlaywrightCache();
  if (cached) candidates.push({ path: cached, from: 'playwright cache' });
  return candidates.find((c) => existsSync(c.path));
}
