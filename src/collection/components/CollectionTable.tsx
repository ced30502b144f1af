// The saved postings, one row each; a column header is a button that sorts by it (again: the
// other direction). Entity cells are compact (first values, "+N more"); status and notes are the
// user's own and editable in place. After a delete, focus moves to the next row's Delete (the
// previous one at the end, the Undo action when no row is left), never to the page's <body>.
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { SavedPosting, SortKey, TrackingPatch } from '../../core/export/collection';
import { postingKey } from '../../core/export/collection';
import type { SortState } from '../CollectionPage';
import { CollectionRow } from './CollectionRow';

interface Column {
  key: SortKey;
  label: string;
}

const COLUMNS: Column[] = [
  { key: 'title', label: 'Title' },
  { key: 'company', label: 'Company' },
  { key: 'location', label: 'Location' },
  { key: 'diploma', label: 'Diploma' },
  { key: 'diploma_major', label: 'Major' },
  { key: 'experience', label: 'Experience' },
  { key: 'skills', label: 'Skills' },
  { key: 'status', label: 'Status' },
];
const AFTER: Column[] = [
  { key: 'capturedAt', label: 'Saved' },
  { key: 'model', label: 'Model' },
];

// Text columns read naturally A→Z first; dates and counts most/newest first; statuses in pipeline order.
const FIRST_DIRECTION = (key: SortKey): 'asc' | 'desc' =>
  ['title', 'company', 'location', 'url', 'model', 'status'].includes(key) ? 'asc' : 'desc';

/**
 * After a delete, focus goes to the Delete button now at the deleted row's place (the last one when
 * it was the last row, then Undo, then the heading). Returns what a Delete button calls first.
 */
function useFocusAfterDelete(
  wrap: RefObject<HTMLDivElement | null>,
  postings: SavedPosting[],
): (index: number, p: SavedPosting) => void {
  const pendingFocus = useRef<{ index: number; key: string } | null>(null);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || postings.some((p) => postingKey(p.url) === pending.key)) return;
    pendingFocus.current = null;
    const buttons = wrap.current?.querySelectorAll<HTMLButtonElement>('[data-testid="delete-row"]') ?? [];
    const next =
      buttons[Math.min(pending.index, buttons.length - 1)] ??
      document.querySelector<HTMLElement>('[data-testid="notice-action"]') ??
      document.querySelector<HTMLElement>('h1');
    next?.focus();
  }, [wrap, postings]);
  return (index, p) => {
    pendingFocus.current = { index, key: postingKey(p.url) };
  };
}

/** A column header: a button that sorts by the column, its direction told by aria-sort. */
function SortHeader({ column, sort, onSort }: { column: Column; sort: SortState; onSort: (s: SortState) => void }) {
  const { key, label } = column;
  const toggle = () =>
    onSort(
      sort.by === key
        ? { by: key, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
        : { by: key, direction: FIRST_DIRECTION(key) },
    );
  return (
    <th scope="col" aria-sort={sort.by === key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class="sort" data-testid={`sort-${key}`} onClick={toggle}>
        {label}
        {/* The arrow is drawn by CSS: aria-sort already says the direction to assistive technology. */}
        <span class={`sort-mark${sort.by === key ? ` ${sort.direction}` : ''}`} aria-hidden="true" />
      </button>
    </th>
  );
}

export function CollectionTable({
  postings,
  sort,
  onSort,
  onDelete,
  onTrack,
}: {
  postings: SavedPosting[];
  sort: SortState;
  onSort: (s: SortState) => void;
  onDelete: (p: SavedPosting) => void;
  onTrack: (p: SavedPosting, patch: TrackingPatch) => void;
}) {
  const wrap = useRef<HTMLDivElement>(null);
  const focusAfterDelete = useFocusAfterDelete(wrap, postings);
  const header = (c: Column) => <SortHeader key={c.key} column={c} sort={sort} onSort={onSort} />;
  return (
    <div class="table-wrap" ref={wrap} tabIndex={0} role="region" aria-label="Saved postings (scrolls sideways)">
      <table class="postings" data-testid="collection-table">
        <thead>
          <tr>
            {COLUMNS.map(header)}
            <th scope="col">Notes</th>
            {AFTER.map(header)}
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {postings.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + AFTER.length + 2} class="empty" data-testid="no-match">
                No saved posting matches these filters.
              </td>
            </tr>
          )}
          {postings.map((p, index) => (
            <CollectionRow
              key={p.url}
              posting={p}
              onDelete={() => {
                focusAfterDelete(index, p);
                onDelete(p);
              }}
              onTrack={(patch) => onTrack(p, patch)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
