// Before the browser tests: make sure a Chromium exists and record its path in build/chromium.json
// (the tests read it, or $CHROMIUM_PATH). As root on Debian/Ubuntu it installs the distribution's
// `chromium` with apt-get; otherwise it says exactly what to do and exits 1.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CHROMIUM_JSON, chromiumVersion, findChromium } from './find-chromium.mjs';

/** @param {{ path: string, from: string }} found */
function record(found) {
  mkdirSync(dirname(CHROMIUM_JSON), { recursive: true });
  const version = chromiumVersion(found.path) ?? 'unknown';
  writeFileSync(CHROMIUM_JSON, JSON.stringify({ path: found.path, from: found.from, version }, null, 2) + '\n');
  console.log(`chromium: ${found.path} (${version}; found via ${found.from})`);
}

let found = findChromium();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("No Chromium found: installing Debian's chromium with apt-get (needs the Debian mirror) ...");
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    found = findChromium();
  }
}
if (!found) {
  console.error(
    [
      'The browser tests need Chromium or Chrome, and none was found.',
      'Do one of:',
      '  - Debian/Ubuntu: sudo apt-get install -y chromium   (or chromium-browser)',
      '  - Fedora: sudo dnf install -y chromium',
      '  - macOS: install Google Chrome or Chromium in /Applications',
      '  - or point CHROMIUM_PATH at a Chromium/Chrome binary: CHROMIUM_PATH=/path/to/chrome npm run test:e2e',
    ].join('\n'),
  );
  process.exit(1);
}
record(found);
