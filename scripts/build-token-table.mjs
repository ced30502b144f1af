// Writes src/core/token-table.json: the first TABLE_SIZE tokens of cl100k_base in rank order, each
// as a string whose char codes are the token's bytes (latin-1). The extension counts tokens with
// this prefix of the vocabulary instead of shipping the whole table (see src/core/tokens.ts for
// why the count is an upper bound). Re-run after upgrading gpt-tokenizer:
//   node scripts/build-token-table.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TABLE_SIZE = 4096;
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('gpt-tokenizer/package.json'));
const { default: ranks } = await import(pathToFileURL(join(pkgDir, 'esm', 'bpeRanks', 'cl100k_base.js')).href);
const utf8 = new TextEncoder();
const asLatin1 = (/** @type {Iterable<number>} */ bytes) => String.fromCharCode(...bytes);
const table = ranks
  .slice(0, TABLE_SIZE)
  .map((/** @type {string | number[]} */ t) => asLatin1(typeof t === 'string' ? utf8.encode(t) : t));
if (new Set(table).size !== table.length)
  throw new Error('cl100k prefix holds a repeated token: the table would be ambiguous');
writeFileSync(
  new URL('../src/core/token-table.json', import.meta.url),
  JSON.stringify({ encoding: 'cl100k_base', size: TABLE_SIZE, tokens: table }) + '\n',
);
console.log(`src/core/token-table.json: ${TABLE_SIZE} tokens of cl100k_base`);
