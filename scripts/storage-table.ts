// ARCHITECTURE.md's storage table, made from the storage items' definitions
// (src/shared/storage-items.ts). test/unit/storage-table.test.ts fails when the table in
// ARCHITECTURE.md is not this one (an item added, removed or changed without its row).
// Usage: node scripts/run-ts.mjs scripts/storage-table.ts --write   (then the table is current)
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { STORAGE_ITEMS } from '../src/shared/storage-items';
import { setAsideKeyOf } from '../src/shared/storage-item';

export const TABLE_START = '<!-- storage-table: made by scripts/storage-table.ts from src/shared/storage-items.ts -->';
export const TABLE_END = '<!-- /storage-table -->';
export const HEADER = ['where', 'key', 'version', 'schema', 'unreadable entries', 'what'];

/** One row per item: the cells as they read in the table. */
export function storageRows(): string[][] {
  return STORAGE_ITEMS.map((item) => {
    const setAside = setAsideKeyOf(item);
    return [
      `storage.${item.area}`,
      `\`${item.key}\``,
      item.version === undefined ? '–' : String(item.version),
      item.schemaName,
      setAside ? `set aside in \`${setAside}\`` : (item.whenUnreadable ?? 'read as the fallback'),
      item.describes.replace(/\|/g, '\\|'),
    ];
  });
}

export function storageTable(): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(HEADER), line(HEADER.map(() => '---')), ...storageRows().map(line)].join('\n');
}

/** The rows of the table between the markers of a Markdown text (cells trimmed). */
export function tableRowsIn(markdown: string): string[][] {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) return [];
  return markdown
    .slice(start + TABLE_START.length, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

if (process.argv.includes('--write')) {
  const path = 'ARCHITECTURE.md';
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`${path} has no storage table markers (${TABLE_START})`);
  const next = `${text.slice(0, start)}${TABLE_START}\n\n${storageTable()}\n\n${text.slice(end)}`;
  writeFileSync(path, await format(next, { filepath: path }));
  console.log(`${path}: storage table written (${STORAGE_ITEMS.length} items)`);
}
