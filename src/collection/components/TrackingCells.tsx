// The user's own columns on a saved row: where the application stands (a select) and free notes
// (saved when the field loses focus or on Ctrl+Enter, so typing is not a write per key).
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  POSTING_STATUSES,
  type PostingStatus,
  type SavedPosting,
  type TrackingPatch,
} from '../../core/export/collection';

/** A tracking cell's posting, its name for the field's label, and where its edits go. */
interface CellProps {
  posting: SavedPosting;
  name: string;
  onChange: (patch: TrackingPatch) => void;
}

export function StatusCell({ posting, name, onChange }: CellProps) {
  return (
    <td class="nowrap">
      <select
        class="status-select"
        data-testid="row-status"
        data-status={posting.status}
        aria-label={`Status of ${name}`}
        value={posting.status}
        onChange={(e) => onChange({ status: e.currentTarget.value as PostingStatus })}
      >
        {POSTING_STATUSES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </td>
  );
}

export function NotesCell({ posting, name, onChange }: CellProps) {
  const [text, setText] = useState(posting.notes);
  const editing = useRef(false);
  // A change from elsewhere (another tab, an import) shows unless the user is typing here.
  useEffect(() => {
    if (!editing.current) setText(posting.notes);
  }, [posting.notes]);
  const commit = () => {
    editing.current = false;
    if (text !== posting.notes) onChange({ notes: text });
  };
  return (
    <td class="notes-cell">
      <textarea
        class="notes"
        rows={2}
        maxLength={10_000}
        data-testid="row-notes"
        aria-label={`Notes on ${name}`}
        value={text}
        onFocus={() => (editing.current = true)}
        onInput={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
        }}
      />
    </td>
  );
}
