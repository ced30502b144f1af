// The popup's export bar: the posting as one spreadsheet row (clipboard), the header and the row,
// a CSV file, and "Save to collection" (the same URL again updates it), plus a link to the
// collection page. Rendered only once there is a result; the export code loads on first use.
import browser from 'webextension-polyfill';
import type { ExtractionResult } from '../../core/entities';
import type { Posting } from '../../core/posting';
import { copyText } from '../clipboard';
import { useStatusNote } from '../use-status-note';

export const COLLECTION_PAGE = 'src/collection/collection.html';

const loadActions = () => import('../export-actions');

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function ExportBar({ posting, result }: { posting: Posting; result: ExtractionResult }) {
  const [note, setNote] = useStatusNote('');

  const copy = async (which: 'row' | 'table') => {
    try {
      const actions = await loadActions();
      const text = which === 'row' ? actions.rowText(posting, result) : actions.tableText(posting, result);
      setNote((await copyText(text)) ? (which === 'row' ? 'Copied as a row' : 'Copied header and row') : 'Could not copy: the clipboard refused.');
    } catch (err) {
      setNote(`Could not copy: ${reason(err)}. Reopen the popup and try again.`);
    }
  };

  const download = async () => {
    try {
      (await loadActions()).downloadCsv(posting, result);
      setNote('CSV downloaded');
    } catch (err) {
      setNote(`Could not make the CSV file (${reason(err)}).`);
    }
  };

  const save = async () => {
    try {
      const outcome = await (await loadActions()).saveToCollection(posting, result);
      setNote(outcome === 'updated' ? 'Updated' : 'Saved');
    } catch (err) {
      setNote(`Could not save to the collection (${reason(err)}). Try again; if it keeps failing, export the collection first.`);
    }
  };

  return (
    <section class="export-bar" aria-label="Export" data-testid="export-bar" style={{ display: 'flex', flexDirection: 'column', gap: '6px' }}>
      <div class="row">
        <button type="button" class="button" data-testid="copy-row" title="Tab-separated: pastes into Google Sheets or Excel as one row" onClick={() => void copy('row')}>
          Copy as row
        </button>
        <button type="button" class="button" data-testid="copy-table" title="The column names, then the row" onClick={() => void copy('table')}>
          Copy table
        </button>
        <button type="button" class="button" data-testid="download-csv" onClick={() => void download()}>
          Download CSV
        </button>
      </div>
      <div class="row">
        <button type="button" class="button primary" data-testid="save-to-collection" onClick={() => void save()}>
          Save to collection
        </button>
        <button type="button" class="link" data-testid="open-collection" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(COLLECTION_PAGE) })}>
          Open collection
        </button>
        <span class="status" aria-live="polite" data-testid="export-status">
          {note}
        </span>
      </div>
    </section>
  );
}
