// ARCHITECTURE.md's storage table is the storage items' definitions: an item added, removed or
// changed without its row fails here. `node scripts/run-ts.mjs scripts/storage-table.ts --write`
// writes the table again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storageRows, tableRowsIn, TABLE_START } from '../../scripts/storage-table';
import { STORAGE_ITEMS } from '../../src/shared/storage-items';

const architecture = readFileSync(new URL('../../ARCHITECTURE.md', import.meta.url), 'utf8');

describe('the storage table in ARCHITECTURE.md', () => {
  it('is there, between its markers', () => {
    expect(architecture).toContain(TABLE_START);
  });

  it('has one row per storage item, as the definitions say', () => {
    expect(tableRowsIn(architecture)).toEqual(storageRows());
  });

  it('fails for a definition added without its row', () => {
    const rows = storageRows();
    const table = `${TABLE_START}\n| h |\n| - |\n${rows
      .slice(1)
      .map((r) => `| ${r.join(' | ')} |`)
      .join('\n')}\n<!-- /storage-table -->`;
    expect(tableRowsIn(table)).not.toEqual(rows);
  });

  it('every key is defined once', () => {
    const keys = STORAGE_ITEMS.map((i) => `${i.area}:${i.key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
