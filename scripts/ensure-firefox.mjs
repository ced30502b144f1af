// Before the Firefox browser tests: make sure a Firefox (>= 140, the build's minimum) exists and
// record its path in build/firefox.json (the tests read it, or $FIREFOX_PATH). As root on
// Debian/Ubuntu it installs the distribution's `firefox-esr` with apt-get; otherwise it says exactly
// what to do and exits 1.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FIREFOX_JSON, FIREFOX_MIN_MAJOR, findFirefox, firefoxMajor, firefoxVersion } from './find-firefox.mjs';

let found = findFirefox();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("No Firefox found: installing Debian's firefox-esr with apt-get (needs the Debian mirror) ...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'firefox-esr'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
    found = findFirefox();
  }
}
if (!found) {
  console.error(
    [
      `The Firefox browser tests need Firefox ${FIREFOX_MIN_MAJOR} or later, and none was found.`,
      'Do one of:',
      '  - Debian/Ubuntu: sudo apt-get install -y firefox-esr',
      '  - Fedora: sudo dnf install -y firefox',
      '  - macOS: install Firefox in /Applications',
      '  - or point FIREFOX_PATH at a Firefox binary: FIREFOX_PATH=/path/to/firefox npm run test:firefox',
    ].join('\n'),
  );
  process.exit(1);
}
const version = firefoxVersion(found.path);
if (firefoxMajor(version) < FIREFOX_MIN_MAJOR) {
  console.error(
    `${found.path} is ${version ?? 'not runnable'}; the Firefox build needs Firefox ${FIREFOX_MIN_MAJOR} or later (Debian: sudo apt-get install -y firefox-esr from bookworm-security, or set FIREFOX_PATH).`,
  );
  process.exit(1);
}
mkdirSync(dirname(FIREFOX_JSON), { recursive: true });
writeFileSync(FIREFOX_JSON, JSON.stringify({ path: found.path, from: found.from, version }, null, 2) + '\n');
console.log(`firefox: ${found.path} (${version}; found via ${found.from})`);
