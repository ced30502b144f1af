// Export everything (CSV with a BOM for Excel, TSV, a JSON backup) and import a JSON backup. The
// backup is validated whole before anything is written, so a bad file changes nothing saved.
import browser from 'webextension-polyfill';
import { collectionRows, parseBackup, toJSON, type SavedPosting } from '../../core/export/collection';
import { toCSV, toTSV } from '../../core/export/delimited';
import { importPostings } from '../../shared/collection-store';
import { downloadText } from '../../shared/download-file';
import type { NoticeState } from './Notice';

/** Larger than any real collection's backup; a bigger file is not ours. */
const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

function stamp(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function TransferBar({ postings, onNotice }: { postings: SavedPosting[]; onNotice: (n: NoticeState) => void }) {
  const empty = postings.length === 0;
  const exported = (what: string) => onNotice({ kind: 'ok', text: `Exported ${postings.length} posting${postings.length === 1 ? '' : 's'} as ${what}.` });

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      onNotice({ kind: 'error', text: `"${file.name}" is too large to be a collection backup. Nothing was changed.` });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      onNotice({ kind: 'error', text: `"${file.name}" could not be read. Choose the file again. Nothing was changed.` });
      return;
    }
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      onNotice({ kind: 'error', text: `Import of "${file.name}" failed: ${parsed.error}` });
      return;
    }
    try {
      const { added, updated } = await importPostings(browser.storage.local, parsed.postings);
      onNotice({ kind: 'ok', text: `Imported "${file.name}": ${added} new, ${updated} updated.` });
    } catch (err) {
      onNotice({ kind: 'error', text: `Could not save the imported postings (${err instanceof Error ? err.message : String(err)}). Nothing was changed.` });
    }
  };

  return (
    <section class="transfer row" aria-label="Export and import">
      <button
        type="button"
        class="button"
        data-testid="export-csv"
        disabled={empty}
        onClick={() => {
          downloadText(toCSV(collectionRows(postings), { bom: true }), `job-entities-${stamp()}.csv`, 'text/csv;charset=utf-8');
          exported('CSV');
        }}
      >
        Export CSV
      </button>
      <button
        type="button"
        class="button"
        data-testid="export-tsv"
        disabled={empty}
        onClick={() => {
          downloadText(toTSV(collectionRows(postings)), `job-entities-${stamp()}.tsv`, 'text/tab-separated-values;charset=utf-8');
          exported('TSV');
        }}
      >
        Export TSV
      </button>
      <button
        type="button"
        class="button"
        data-testid="export-json"
        disabled={empty}
        onClick={() => {
          downloadText(toJSON(postings), `job-entities-${stamp()}.json`, 'application/json');
          exported('a JSON backup');
        }}
      >
        Export JSON backup
      </button>
      <label class="button file-button">
        Import JSON backup…
        <input
          type="file"
          class="visually-hidden"
          accept=".json,application/json"
          data-testid="import-json"
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </label>
    </section>
  );
}
