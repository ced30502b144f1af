// The saved postings, one row each; a column header is a button that sorts by it (again: the
// other direction). Values are shown as in the popup and the exports (display form, "; ").
import type { SavedPosting, SortKey } from '../../core/export/collection';
import { joinCell } from '../../core/export/rows';
import type { SortState } from '../CollectionPage';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'company', label: 'Company' },
  { key: 'location', label: 'Location' },
  { key: 'diploma', label: 'Diploma' },
  { key: 'diploma_major', label: 'Major' },
  { key: 'experience', label: 'Experience' },
  { key: 'skills', label: 'Skills' },
  { key: 'capturedAt', label: 'Saved' },
  { key: 'model', label: 'Model' },
];

// Text columns read naturally A→Z first; dates and counts most/newest first.
const FIRST_DIRECTION = (key: SortKey): 'asc' | 'desc' => (['title', 'company', 'location', 'url', 'model'].includes(key) ? 'asc' : 'desc');

/** Only http(s) links become clickable: a saved URL is untrusted text (javascript: never runs). */
function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function savedOn(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function CollectionTable({ postings, sort, onSort, onDelete }: { postings: SavedPosting[]; sort: SortState; onSort: (s: SortState) => void; onDelete: (p: SavedPosting) => void }) {
  const toggle = (key: SortKey) =>
    onSort(sort.by === key ? { by: key, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { by: key, direction: FIRST_DIRECTION(key) });
  return (
    <div class="table-wrap">
      <table class="postings" data-testid="collection-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.by === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" class="sort" data-testid={`sort-${c.key}`} onClick={() => toggle(c.key)}>
                  {c.label}
                  <span class="sort-mark" aria-hidden="true">
                    {sort.by === c.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {postings.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + 1} class="empty" data-testid="no-match">
                No saved posting matches these filters.
              </td>
            </tr>
          )}
          {postings.map((p) => {
            const href = safeHref(p.url);
            return (
              <tr key={p.url} data-testid="collection-row" data-url={p.url}>
                <td class="title-cell">
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer" data-testid="row-title">
                      {p.title || p.url}
                    </a>
                  ) : (
                    <span data-testid="row-title">{p.title || p.url}</span>
                  )}
                </td>
                <td data-testid="row-company">{p.company}</td>
                <td data-testid="row-location">{p.location}</td>
                <td data-testid="row-diploma">{joinCell(p.entities.diploma)}</td>
                <td data-testid="row-major">{joinCell(p.entities.diploma_major)}</td>
                <td data-testid="row-experience">{joinCell(p.entities.experience)}</td>
                <td data-testid="row-skills">{joinCell(p.entities.skills)}</td>
                <td class="nowrap">
                  <time dateTime={p.capturedAt}>{savedOn(p.capturedAt)}</time>
                </td>
                <td class="model-cell">{p.provider === 'local' ? 'offline extractor' : p.model}</td>
                <td class="nowrap">
                  <button type="button" class="link danger" data-testid="delete-row" aria-label={`Delete ${p.title || p.url}`} onClick={() => onDelete(p)}>
                    Delete
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
