// The saved postings, one row each; a column header is a button that sorts by it (again: the
// other direction). Entity cells are compact (first values, "+N more"); status and notes are the
// user's own and editable in place. After a delete, focus moves to the next row's Delete (the
// previous one at the end, the Undo action when no row is left), never to the page's <body>.
import { useEffect, useRef } from 'preact/hooks';
import type { SavedPosting, SortKey, TrackingPatch } from '../../core/export/collection';
import { postingKey } from '../../core/export/collection';
import type { SortState } from '../CollectionPage';
import { NotesCell, StatusCell } from './TrackingCells';
import { ValuesCell } from './ValuesCell';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'company', label: 'Company' },
  { key: 'location', label: 'Location' },
  { key: 'diploma', label: 'Diploma' },
  { key: 'diploma_major', label: 'Major' },
  { key: 'experience', label: 'Experience' },
  { key: 'skills', label: 'Skills' },
  { key: 'status', label: 'Status' },
];
const AFTER: { key: SortKey; label: string }[] = [
  { key: 'capturedAt', label: 'Saved' },
  { key: 'model', label: 'Model' },
];

// Text columns read naturally A→Z first; dates and counts most/newest first; statuses in pipeline order.
const FIRST_DIRECTION = (key: SortKey): 'asc' | 'desc' =>
  ['title', 'company', 'location', 'url', 'model', 'status'].includes(key) ? 'asc' : 'desc';

/** Only http(s) links become clickable: a saved URL is untrusted text (javascript: never runs). */
function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function savedOn(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
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
  }, [postings]);

  const toggle = (key: SortKey) =>
    onSort(
      sort.by === key
        ? { by: key, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
        : { by: key, direction: FIRST_DIRECTION(key) },
    );
  const header = (c: { key: SortKey; label: string }) => (
    <th
      key={c.key}
      scope="col"
      aria-sort={sort.by === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" class="sort" data-testid={`sort-${c.key}`} onClick={() => toggle(c.key)}>
        {c.label}
        {/* The arrow is drawn by CSS: aria-sort already says the direction to assistive technology. */}
        <span class={`sort-mark${sort.by === c.key ? ` ${sort.direction}` : ''}`} aria-hidden="true" />
      </button>
    </th>
  );
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
          {postings.map((p, index) => {
            const href = safeHref(p.url);
            const name = p.title || p.url;
            return (
              <tr key={p.url} data-testid="collection-row" data-url={p.url}>
                <td class="title-cell">
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer" data-testid="row-title">
                      {name}
                    </a>
                  ) : (
                    <span data-testid="row-title">{name}</span>
                  )}
                </td>
                <td data-testid="row-company">{p.company}</td>
                <td data-testid="row-location">{p.location}</td>
                <ValuesCell values={p.entities.diploma} testid="row-diploma" label={`diplomas of ${name}`} />
                <ValuesCell values={p.entities.diploma_major} testid="row-major" label={`majors of ${name}`} />
                <ValuesCell values={p.entities.experience} testid="row-experience" label={`experience of ${name}`} />
                <ValuesCell values={p.entities.skills} testid="row-skills" label={`skills of ${name}`} />
                <StatusCell posting={p} name={name} onChange={(patch) => onTrack(p, patch)} />
                <NotesCell posting={p} name={name} onChange={(patch) => onTrack(p, patch)} />
                <td class="nowrap">
                  <time dateTime={p.capturedAt}>{savedOn(p.capturedAt)}</time>
                </td>
                <td class="model-cell">{p.provider === 'local' ? 'offline extractor' : p.model}</td>
                <td class="nowrap">
                  <button
                    type="button"
                    class="link danger"
                    data-testid="delete-row"
                    onClick={() => {
                      pendingFocus.current = { index, key: postingKey(p.url) };
                      onDelete(p);
                    }}
                  >
                    Delete<span class="visually-hidden"> {name}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
