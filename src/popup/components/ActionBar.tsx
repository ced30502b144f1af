// The sticky action bar: Copy all (the view's one primary button), Save to collection, and the
// Export menu (Copy as row, Copy table, Download CSV). It stays in view however many chips there
// are; one status line says what the last action did. The export code loads on first use.
import type { ExtractionResult } from '../../core/entities';
import type { Posting } from '../../core/posting';
import { copyAllEntities } from '../copy-actions';
import { copyExport, downloadCsv, saveToCollection } from '../export-commands';
import { useStatusNote } from '../use-status-note';
import { Menu } from './Menu';

type Note = { from: 'copy-all' | 'export'; text: string } | undefined;

export function ActionBar({ posting, result }: { posting?: Posting; result: ExtractionResult }) {
  // A new message here clears the popup's other status messages (one at a time, the latest).
  const [note, setNote] = useStatusNote<Note>(undefined);
  const say = (from: 'copy-all' | 'export', said: Promise<string>) => void said.then((text) => setNote({ from, text }));
  const exporting = (command: (posting: Posting) => Promise<string>) => () => {
    if (posting) say('export', command(posting));
  };

  return (
    <section id="action-bar" class="action-bar" data-testid="action-bar" aria-label="Actions" tabIndex={-1}>
      <div class="action-row">
        <button
          type="button"
          class="button primary"
          data-testid="copy-all"
          data-autofocus
          onClick={() => say('copy-all', copyAllEntities(result))}
        >
          Copy all
        </button>
        <button
          type="button"
          class="button"
          data-testid="save-to-collection"
          disabled={!posting}
          onClick={exporting((p) => saveToCollection(p, result))}
        >
          Save to collection
        </button>
        <ExportMenu
          disabled={!posting}
          onCopyRow={exporting((p) => copyExport('row', p, result))}
          onCopyTable={exporting((p) => copyExport('table', p, result))}
          onDownload={exporting((p) => downloadCsv(p, result))}
        />
      </div>
      <p class="status" role="status" aria-live="polite">
        <span data-testid="copy-all-status">{note?.from === 'copy-all' ? note.text : ''}</span>
        <span data-testid="export-status">{note?.from === 'export' ? note.text : ''}</span>
      </p>
    </section>
  );
}

function ExportMenu(props: {
  disabled: boolean;
  onCopyRow: () => void;
  onCopyTable: () => void;
  onDownload: () => void;
}) {
  const { disabled } = props;
  return (
    <Menu
      label="Export"
      testId="export-menu"
      items={[
        {
          label: 'Copy as row',
          testId: 'copy-row',
          hint: 'Tab-separated: pastes into Google Sheets or Excel as one row',
          onSelect: props.onCopyRow,
          disabled,
        },
        {
          label: 'Copy table',
          testId: 'copy-table',
          hint: 'The column names, then the row',
          onSelect: props.onCopyTable,
          disabled,
        },
        { label: 'Download CSV', testId: 'download-csv', onSelect: props.onDownload, disabled },
      ]}
    />
  );
}
