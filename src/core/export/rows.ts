// One posting as one spreadsheet row: the columns of "Copy as row", "Copy table", the CSV/TSV
// downloads and `extract --format csv|tsv`, so every export lines up the same way.
import { groupForDisplay } from '../display';
import type { Entities } from '../entities';

export const SPREADSHEET_HEADER = [
  'Title',
  'Company',
  'Location',
  'URL',
  'Diploma',
  'Major',
  'Experience',
  'Skills',
] as const;

/** Several values in one cell. `; ` because values themselves often hold commas (`compute ( arm , x86 )`). */
export const CELL_JOINER = '; ';

export interface RowPosting {
  title?: string;
  company?: string;
  location?: string;
  url?: string;
}

/** Values in display form (`c #` -> `C#`), each shown once (repeats and case variants collapse). */
export function joinCell(values: readonly string[]): string {
  return groupForDisplay([...values])
    .map((v) => v.display)
    .join(CELL_JOINER);
}

/** The row for one posting, in SPREADSHEET_HEADER order. Text is raw: escaping is delimited.ts's job. */
export function toSpreadsheetRow(posting: RowPosting, entities: Entities): string[] {
  return [
    posting.title ?? '',
    posting.company ?? '',
    posting.location ?? '',
    posting.url ?? '',
    joinCell(entities.diploma),
    joinCell(entities.diploma_major),
    joinCell(entities.experience),
    joinCell(entities.skills),
  ];
}

/** Header then one row per posting, in the order given. */
export function toSpreadsheetRows(items: readonly { posting: RowPosting; entities: Entities }[]): string[][] {
  return [[...SPREADSHEET_HEADER], ...items.map((i) => toSpreadsheetRow(i.posting, i.entities))];
}
