// Export what the filters show, or everything (CSV with a BOM for Excel, TSV, a JSON backup), and
// import a JSON backup. The notice says how many of how many were exported ("Exported 3 of 7"). The
// backup is validated whole before anything is written, so a bad file changes nothing saved.
import browser from 'webextension-polyfill';
import { collectionRows, parseBackup, toJSON, type SavedPosting } from '../../core/export/collection';
import { toCSV, toTSV } from '../../core/export/delimited';
import { importPostings } from '../../shared/collection-store';
import { downloadText } from '../../shared/download-file';
import type { NoticeState } from '../../shared/Notice';

/** Larger than any real collection's backup; a bigger file is not ours. */
const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

function stamp(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

type Format = 'csv' | 'tsv' | 'json';

const FORMATS: { format: Format; label: string; what: string }[] = [
  { format: 'csv', label: 'CSV', what: 'CSV' },
  { format: 'tsv', label: 'TSV', what: 'TSV' },
  { format: 'json', label: 'JSON backup', what: 'a JSON backup' },
];

function exportFile(postings: readonly SavedPosting[], format: Format): void {
  if (format === 'csv')
    downloadText(
      toCSV(collectionRows(postings), { bom: true }),
      `job-entities-${stamp()}.csv`,
      'text/csv;charset=utf-8',
    );
  else if (format === 'tsv')
    downloadText(
      toTSV(collectionRows(postings)),
      `job-entities-${stamp()}.tsv`,
      'text/tab-separated-values;charset=utf-8',
    );
  else downloadText(toJSON(postings), `job-entities-${stamp()}.json`, 'application/json');
}

const plural = (n: number) => `posting${n === 1 ? '' : 's'}`;

/** `shown`: what the filters show, in the table's order; `all`: the whole collection. */
export function TransferBar({
  shown,
  all,
  onNotice,
}: {
  shown: SavedPosting[];
  all: SavedPosting[];
  onNotice: (n: NoticeState) => void;
}) {
  const filtered = shown.length !== all.length;
  const run = (postings: SavedPosting[], format: Format, what: string) => {
    try {
      exportFile(postings, format);
      const count =
        postings.length === all.length
          ? `${postings.length} ${plural(postings.length)}`
          : `${postings.length} of ${all.length} ${plural(all.length)} (the filtered ones)`;
      onNotice({ kind: 'ok', text: `Exported ${count} as ${what}.` });
    } catch (err) {
      onNotice({
        kind: 'error',
        text: `The file could not be made (${err instanceof Error ? err.message : String(err)}). Try again.`,
      });
    }
  };

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
      onNotice({
        kind: 'error',
        text: `"${file.name}" could not be read. Choose the file again. Nothing was changed.`,
      });
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
      onNotice({
        kind: 'error',
        text: `Could not save the imported postings (${err instanceof Error ? err.message : String(err)}). Nothing was changed.`,
      });
    }
  };

  return (
    <section class="transfer" aria-label="Export and import">
      <div class="row" role="group" aria-labelledby="export-shown-label">
        <span id="export-shown-label" class="group-label" data-testid="export-shown-label">
          {filtered ? `Export the ${shown.length} shown:` : 'Export:'}
        </span>
        {FORMATS.map((f) => (
          <button
            key={f.format}
            type="button"
            class="button"
            data-testid={`export-${f.format}`}
            disabled={shown.length === 0}
            onClick={() => run(shown, f.format, f.what)}
          >
            <span class="visually-hidden">{filtered ? `Export the ${shown.length} shown as ` : 'Export as '}</span>
            {f.label}
          </button>
        ))}
      </div>
      <div class="row" role="group" aria-labelledby="export-all-label">
        <span id="export-all-label" class="group-label">
          Export all {all.length}:
        </span>
        {FORMATS.map((f) => (
          <button
            key={f.format}
            type="button"
            class="button"
            data-testid={`export-all-${f.format}`}
            disabled={all.length === 0}
            onClick={() => run(all, f.format, f.what)}
          >
            <span class="visually-hidden">Export all as </span>
            {f.label}
          </button>
        ))}
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
      </div>
    </section>
  );
}
