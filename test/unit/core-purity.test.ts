// The core runs unchanged in the service worker, popup, content script and Node: it must not
// import Node built-ins or extension APIs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../shared';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

const FORBIDDEN = [
  /from\s+['"]node:/,
  /from\s+['"](fs|path|os|child_process|http|https|url|util|crypto|stream|zlib)['"]/,
  /from\s+['"]webextension-polyfill['"]/,
  /\bchrome\.(runtime|storage|tabs|scripting)\b/,
  /\bbrowser\.(runtime|storage|tabs|scripting)\b/,
  /\bprocess\.(env|argv|exit|stdout|stderr)\b/,
  /\brequire\(/,
  /\bBuffer\./,
];

describe('src/core is pure', () => {
  const files = walk(join(PROJECT_DIR, 'src', 'core'));
  it('has files', () => expect(files.length).toBeGreaterThan(3));
  for (const file of files) {
    it(relative(PROJECT_DIR, file), () => {
      const src = readFileSync(file, 'utf8');
      for (const re of FORBIDDEN) expect(src, `${re} in ${file}`).not.toMatch(re);
    });
  }
});
