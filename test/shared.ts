// Access to ../shared (the labelled data and saved career pages). It is never committed and a
// user's clone does not have it: tests that read it skip with this stated reason when it is absent.
// The project's own fixtures under test/fixtures cover every behaviour without it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding this project's package.json, found upwards (this file may run bundled from build/run/). */
function findProjectDir(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'shared.ts'))) return dir;
    if (dirname(dir) === dir) return resolve(start, '..');
  }
}
export const PROJECT_DIR = findProjectDir(dirname(fileURLToPath(import.meta.url)));
export const SHARED_DIR = process.env.JOB_ENTITIES_SHARED ?? resolve(PROJECT_DIR, '..', 'shared');
export const HAS_SHARED = existsSync(join(SHARED_DIR, 'data', 'training_data.jsonl'));
export const SHARED_SKIP_REASON = `skipped: ${SHARED_DIR} is absent (only the project's development machines have ../shared; the project's own fixtures cover the same behaviour)`;

if (!HAS_SHARED) console.warn(SHARED_SKIP_REASON);

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

export function readShared(...parts: string[]): string {
  return readFileSync(sharedPath(...parts), 'utf8');
}

export function fixturePath(...parts: string[]): string {
  return join(PROJECT_DIR, 'test', 'fixtures', ...parts);
}
