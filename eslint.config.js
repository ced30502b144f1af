// Lint: correctness rules with type information (promises that are never awaited or handled,
// promises passed where a void callback is expected, unused code), the hooks rules for Preact, and
// the architecture's one hard boundary: src/core runs unchanged in the worker, the pages, the
// injected capture script and Node, so it imports nothing from the browser glue, the CLI, Node's
// built-ins or the extension APIs. Formatting is Prettier's job (npm run format:check).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SHELLS = ['background', 'content', 'popup', 'options', 'collection', 'profile', 'shared', 'cli'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-firefox/**', 'build/**', 'node_modules/**', 'docs/**', 'demo/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Suppressions must say why.
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true, 'ts-nocheck': true },
      ],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Control characters in patterns are deliberate here: capture's line marks (U+0001-U+0005),
      // binary-file detection, JSON repair.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node, parserOptions: { projectService: false } },
  },
  {
    // Tests read JSON replies and CLI output loosely on purpose: an assertion, not a type, checks them.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use-*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Short pieces a reader can hold in mind: a longer function has more than one job, a longer file
    // more than one subject. Blank lines and comments count: they are part of what is read.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'max-lines-per-function': ['error', { max: 80 }],
      'max-lines': ['error', { max: 300 }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: SHELLS.map((s) => `**/${s}/**`).concat(
                SHELLS.map((s) => `../${s}`),
                SHELLS.map((s) => `../../${s}`),
              ),
              message: 'src/core is pure: the shells import the core, never the other way.',
            },
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'child_process',
                'http',
                'https',
                'url',
                'util',
                'crypto',
                'stream',
                'zlib',
              ],
              message: 'src/core runs in the browser too: no Node built-ins.',
            },
            { group: ['webextension-polyfill'], message: 'src/core runs in Node too: no extension APIs.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'src/core runs in Node too: no extension APIs.' },
        { name: 'browser', message: 'src/core runs in Node too: no extension APIs.' },
        { name: 'process', message: 'src/core runs in the browser too: no process.' },
        { name: 'Buffer', message: 'src/core runs in the browser too: use Uint8Array.' },
        { name: 'require', message: 'src/core is ES modules.' },
      ],
    },
  },
);
