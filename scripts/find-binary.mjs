// What finding a browser binary takes, whichever browser: a program on PATH, and its version line.
// Used by find-chromium.mjs and find-firefox.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The program's path in the first PATH folder that has it. @param {string} program */
export function onPath(program) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, program);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** The binary's `--version` line, or undefined when it does not start. @param {string} path */
export function binaryVersion(path) {
  try {
    return execFileSync(path, ['--version'], {
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}
