// What the action bar's export buttons do, each answered with the line its status shows. The
// export code itself (export-actions.ts) loads on the first click, out of the popup's first paint.
import type { ExtractionResult } from '../core/entities';
import type { Posting } from '../core/posting';
import { errorMessage } from '../core/text';
import { copyWithNote } from './copy-actions';

const loadActions = () => import('./export-actions');

/** Copy as row (tab-separated) or Copy table (the column names, then the row). */
export async function copyExport(which: 'row' | 'table', posting: Posting, result: ExtractionResult): Promise<string> {
  try {
    const actions = await loadActions();
    const text = which === 'row' ? actions.rowText(posting, result) : actions.tableText(posting, result);
    return await copyWithNote(text, which === 'row' ? 'Copied as a row' : 'Copied header and row');
  } catch (err) {
    return `Could not copy: ${errorMessage(err)}. Reopen the popup and try again.`;
  }
}

export async function downloadCsv(posting: Posting, result: ExtractionResult): Promise<string> {
  try {
    (await loadActions()).downloadCsv(posting, result);
    return 'CSV downloaded';
  } catch (err) {
    return `Could not make the CSV file (${errorMessage(err)}).`;
  }
}

export async function saveToCollection(posting: Posting, result: ExtractionResult): Promise<string> {
  try {
    const outcome = await (await loadActions()).saveToCollection(posting, result);
    return outcome === 'updated' ? 'Updated in the collection' : 'Saved to the collection';
  } catch (err) {
    return `Could not save to the collection (${errorMessage(err)}). Try again; if it keeps failing, export the collection first.`;
  }
}
