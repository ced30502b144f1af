// What the popup's export bar does, loaded on the first click (papaparse and the collection code
// stay out of the popup's first paint).
import browser from 'webextension-polyfill';
import type { ExtractionResult } from '../core/entities';
import { toCSV, toTSVRow, toTSVTable } from '../core/export/delimited';
import { SPREADSHEET_HEADER, toSpreadsheetRow } from '../core/export/rows';
import type { Posting } from '../core/posting';
import { savePosting, toSavedPosting } from '../shared/collection-store';
import { downloadText, fileSlug } from '../shared/download-file';

/** One tab-separated row: title, company, location, URL, diploma, major, experience, skills. */
export function rowText(posting: Posting, result: ExtractionResult): string {
  return toTSVRow(toSpreadsheetRow(posting, result));
}

/** The column names, then the row. */
export function tableText(posting: Posting, result: ExtractionResult): string {
  return toTSVTable([[...SPREADSHEET_HEADER], toSpreadsheetRow(posting, result)]);
}

export function downloadCsv(posting: Posting, result: ExtractionResult): void {
  downloadText(
    toCSV([[...SPREADSHEET_HEADER], toSpreadsheetRow(posting, result)], { bom: true }),
    `${fileSlug(posting.title)}.csv`,
    'text/csv;charset=utf-8',
  );
}

export function saveToCollection(posting: Posting, result: ExtractionResult): Promise<'saved' | 'updated'> {
  return savePosting(browser.storage.local, toSavedPosting(posting, result));
}
