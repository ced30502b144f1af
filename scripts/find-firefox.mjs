// Finds a Firefox the Firefox browser tests can drive (puppeteer-core over WebDriver BiDi):
// $FIREFOX_PATH, Debian's firefox-esr, other install paths, programs on PATH. Used by
// scripts/ensure-firefox.mjs and test/firefox/fixtures.ts.
import { binaryVersion, onPath } from './find-binary.mjs';
import { existsSync } from 'node:fs';

const FIXED_PATHS = [
  // The real binary: /usr/bin/firefox-esr is a shell wrapper, which puppeteer can drive too.
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/bin/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];
const PROGRAMS = ['firefox-esr', 'firefox'];

/** The file a successful ensure-firefox run writes, read by the tests. */
export const FIREFOX_JSON = 'build/firefox.json';

/** Firefox 140 ESR is the oldest release the Firefox build supports (strict_min_version). */
export const FIREFOX_MIN_MAJOR = 140;

/** "Mozilla Firefox 153.8.0esr", or undefined when the binary does not start. */
export function firefoxVersion(path) {
  return binaryVersion(path);
}

/** The major version in a `--version` line (0 when unreadable). */
export function firefoxMajor(versionLine) {
  return Number(/(\d+)\./.exec(versionLine ?? '')?.[1] ?? 0);
}

/** The first Firefox found, with where it came from; undefined when there is none. */
export function findFirefox() {
  const candidates = [];
  if (process.env.FIREFOX_PATH) candidates.push({ path: process.env.FIREFOX_PATH, from: 'FIREFOX_PATH' });
  for (const p of FIXED_PATHS) candidates.push({ path: p, from: 'system' });
  for (const prog of PROGRAMS) {
    const p = onPath(prog);
    if (p) candidates.push({ path: p, from: 'PATH' });
  }
  return candidates.find((c) => existsSync(c.path));
}
