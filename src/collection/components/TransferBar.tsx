// Export what the filters show, or everything (CSV with a BOM for Excel, TSV, a JSON backup), and
// import a JSON backup. The notice says how many of how many were exported ("Exported 3 of 7"). The
// backup is validated whole before anything is written, so a bad file changes nothing saved (see
// exportPostings and importBackup in actions.ts).
import browser from 'webextension-polyfill';
import type { SavedPosting } from '../../core/export/collection';
import { FileButton } from '../../shared/FileButton';
import type { NoticeState } from '../../shared/Notice';
import { EXPORT_FORMATS, exportPostings, importBackup, type ExportFormat } from '../actions';

/** One button a format; `hiddenLabel` starts each button's name for screen readers ("Export all as CSV"). */
function ExportButtons({
  testidPrefix,
  hiddenLabel,
  disabled,
  onExport,
}: {
  testidPrefix: string;
  hiddenLabel: string;
  disabled: boolean;
  onExport: (format: ExportFormat) => void;
}) {
  return (
    <>
      {EXPORT_FORMATS.map((f) => (
        <button
          key={f.format}
          type="button"
          class="button"
          data-testid={`${testidPrefix}${f.format}`}
          disabled={disabled}
          onClick={() => onExport(f.format)}
        >
          <span class="visually-hidden">{hiddenLabel}</span>
          {f.label}
        </button>
      ))}
    </>
  );
}

function ImportButton({ onNotice }: { onNotice: (n: NoticeState) => void }) {
  return (
    <FileButton
      label="Import JSON backup…"
      accept=".json,application/json"
      testId="import-json"
      onFile={async (file) => onNotice(await importBackup(browser.storage.local, file))}
    />
  );
}

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
  return (
    <section class="transfer" aria-label="Export and import">
      <div class="row" role="group" aria-labelledby="export-shown-label">
        <span id="export-shown-label" class="group-label" data-testid="export-shown-label">
          {filtered ? `Export the ${shown.length} shown:` : 'Export:'}
        </span>
        <ExportButtons
          testidPrefix="export-"
          hiddenLabel={filtered ? `Export the ${shown.length} shown as ` : 'Export as '}
          disabled={shown.length === 0}
          onExport={(format) => onNotice(exportPostings(shown, all.length, format))}
        />
      </div>
      <div class="row" role="group" aria-labelledby="export-all-label">
        <span id="export-all-label" class="group-label">
          Export all {all.length}:
        </span>
        <ExportButtons
          testidPrefix="export-all-"
          hiddenLabel="Export all as "
          disabled={all.length === 0}
          onExport={(format) => onNotice(exportPostings(all, all.length, format))}
        />
        <ImportButton onNotice={onNotice} />
      </div>
    </section>
  );
}
