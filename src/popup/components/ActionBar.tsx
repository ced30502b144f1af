// The sticky action bar: Copy all (the view's one primary button), Save to collection, and the
// Export menu (Copy as row, Copy table, Download CSV). It stays in view however many chips there
// are; one status line says what the last action did. The export code loads on first use.
import type { ExtractionResult } from '../../core/entities';
import type { Posting } from '../../core/posting';
import { copyText } from '../clipboard';
import { useStatusNote } from '../use-status-note';
import { entitiesAsText } from '../entities-text';
import { Menu } from './Menu';

const loadActions = () => import('../export-actions');

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

type Note = { from: 'copy-all' | 'export'; text: string } | undefined;

export function ActionBar({ posting, result }: { posting?: Posting; result: ExtractionResult }) {
  // A new message here clears the popup's other status messages (one at a time, the latest).
  const [note, setNote] = useStatusNote<Note>(undefined);
  const say = (from: 'copy-all' | 'export', text: string) => setNote({ from, text });

  const copyAll = async () =>
    say(
      'copy-all',
      (await copyText(entitiesAsText(result))) ? 'Copied all entities' : 'Could not copy: the clipboard refused.',
    );

  const copy = async (which: 'row' | 'table') => {
    if (!posting) return;
    try {
      const actions = await loadActions();
      const text = which === 'row' ? actions.rowText(posting, result) : actions.tableText(posting, result);
      say(
        'export',
        (await copyText(text))
          ? which === 'row'
            ? 'Copied as a row'
            : 'Copied header and row'
          : 'Could not copy: the clipboard refused.',
      );
    } catch (err) {
      say('export', `Could not copy: ${reason(err)}. Reopen the popup and try again.`);
    }
  };

  const download = async () => {
    if (!posting) return;
    try {
      (await loadActions()).downloadCsv(posting, result);
      say('export', 'CSV downloaded');
    } catch (err) {
      say('export', `Could not make the CSV file (${reason(err)}).`);
    }
  };

  const save = async () => {
    if (!posting) return;
    try {
      const outcome = await (await loadActions()).saveToCollection(posting, result);
      say('export', outcome === 'updated' ? 'Updated in the collection' : 'Saved to the collection');
    } catch (err) {
      say(
        'export',
        `Could not save to the collection (${reason(err)}). Try again; if it keeps failing, export the collection first.`,
      );
    }
  };

  return (
    <section id="action-bar" class="action-bar" data-testid="action-bar" aria-label="Actions" tabIndex={-1}>
      <div class="action-row">
        <button
          type="button"
          class="button primary"
          data-testid="copy-all"
          data-autofocus
          onClick={() => void copyAll()}
        >
          Copy all
        </button>
        <button
          type="button"
          class="button"
          data-testid="save-to-collection"
          disabled={!posting}
          onClick={() => void save()}
        >
          Save to collection
        </button>
        <Menu
          label="Export"
          testId="export-menu"
          items={[
            {
              label: 'Copy as row',
              testId: 'copy-row',
              hint: 'Tab-separated: pastes into Google Sheets or Excel as one row',
              onSelect: () => void copy('row'),
              disabled: !posting,
            },
            {
              label: 'Copy table',
              testId: 'copy-table',
              hint: 'The column names, then the row',
              onSelect: () => void copy('table'),
              disabled: !posting,
            },
            { label: 'Download CSV', testId: 'download-csv', onSelect: () => void download(), disabled: !posting },
          ]}
        />
      </div>
      <p class="status" role="status" aria-live="polite">
        <span data-testid="copy-all-status">{note?.from === 'copy-all' ? note.text : ''}</span>
        <span data-testid="export-status">{note?.from === 'export' ? note.text : ''}</span>
      </p>
    </section>
  );
}
