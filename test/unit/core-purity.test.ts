// The core runs unchanged in the service worker, the pages, the injected capture script and Node:
// ESLint's boundary rules (eslint.config.js) forbid it the shells, Node built-ins and extension
// APIs, and `npm run lint` runs them over every file. This test proves the rules bite.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../shared';

// Type information is not needed for the boundary rules, and a probe file is not in the project.
const eslint = new ESLint({
  cwd: PROJECT_DIR,
  overrideConfig: [
    tseslint.configs.disableTypeChecked,
    { languageOptions: { parserOptions: { projectService: false } } },
  ],
});

async function problems(code: string, filePath = 'src/core/probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('src/core is pure (ESLint boundary rules)', () => {
  const forbidden: [string, RegExp][] = [
    [
      "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;",
      /no-restricted-imports.*no Node built-ins/,
    ],
    ["import { join } from 'path';\nexport const j = join;", /no-restricted-imports.*no Node built-ins/],
    [
      "import browser from 'webextension-polyfill';\nexport const b = browser;",
      /no-restricted-imports.*no extension APIs/,
    ],
    [
      "import { readSettings } from '../shared/storage';\nexport const r = readSettings;",
      /no-restricted-imports.*shells import the core/,
    ],
    [
      "import { runCli } from '../../cli/main';\nexport const r = runCli;",
      /no-restricted-imports.*shells import the core/,
    ],
    ["import { App } from '../popup/App';\nexport const a = App;", /no-restricted-imports.*shells import the core/],
    ['export const id = chrome.runtime.id;', /no-restricted-globals.*no extension APIs/],
    ['export const env = process.env.HOME;', /no-restricted-globals.*no process/],
    ["export const b = Buffer.from('x');", /no-restricted-globals.*Uint8Array/],
  ];
  for (const [code, rule] of forbidden) {
    it(`refuses: ${code.split('\n')[0]}`, async () => {
      expect((await problems(code)).join('\n')).toMatch(rule);
    });
  }

  it('allows the core its own modules and zod', async () => {
    expect(
      await problems(
        "import { z } from 'zod';\nimport { ENTITY_TYPES } from './entities';\nexport const s = z.enum(ENTITY_TYPES);",
      ),
    ).toEqual([]);
  });

  it('allows the shells what the core may not use', async () => {
    expect(
      await problems(
        "import browser from 'webextension-polyfill';\nexport const b = browser;",
        'src/background/probe.ts',
      ),
    ).toEqual([]);
  });
});
