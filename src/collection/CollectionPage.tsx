// The collection page: saved postings in a table that sorts and filters, the most frequent values
// as a bar chart, a status and notes per posting, deletion (with undo), exports of what is shown or
// of everything (CSV, TSV, JSON), a JSON import, and "Add all open job tabs". The page renders and
// dispatches: the use cases are in actions.ts and add-open-tabs.ts.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  filterCollection,
  sortCollection,
  type CollectionFilter,
  type SavedPosting,
  type SortKey,
} from '../core/export/collection';
import { pluralize } from '../core/text';
import { Notice, type NoticeState } from '../shared/Notice';
import { countText, deleteWithUndo, filterForPick, saveTracking } from './actions';
import { AddOpenTabs } from './components/AddOpenTabs';
import { CollectionTable } from './components/CollectionTable';
import { FilterBar } from './components/FilterBar';
import { TopValuesChart } from './components/TopValuesChart';
import { TransferBar } from './components/TransferBar';
import { useCollection } from './use-collection';

export interface SortState {
  by: SortKey;
  direction: 'asc' | 'desc';
}

/** Saved entries the last read could not validate: said once, with what happens to them. */
function InvalidEntries({ count }: { count: number }) {
  const one = count === 1;
  return (
    <p class="notice error" role="alert" data-testid="collection-invalid">
      {pluralize(count, 'saved entry', 'saved entries')} could not be read and {one ? 'is' : 'are'} not shown. The next
      change here sets{one ? ' it' : ' them'} aside in extension storage (nothing is deleted); importing a backup
      restores lost postings.
    </p>
  );
}

/**
 * Deleting the last row removes the table: focus goes to Undo instead of falling to <body>. Returns
 * what a delete calls first, with whether it removes the last row.
 */
function useFocusUndoWhenEmptied(postings: SavedPosting[], notice: NoticeState | undefined): (last: boolean) => void {
  const focusUndo = useRef(false);
  useEffect(() => {
    if (!focusUndo.current || postings.length > 0 || !notice?.action) return;
    focusUndo.current = false;
    document.querySelector<HTMLElement>('[data-testid="notice-action"]')?.focus();
  }, [postings, notice]);
  return (last) => {
    focusUndo.current = last;
  };
}

export function CollectionPage() {
  const { loaded, postings, invalid } = useCollection();
  const [filter, setFilter] = useState<CollectionFilter>({});
  const [sort, setSort] = useState<SortState>({ by: 'capturedAt', direction: 'desc' });
  const [notice, setNotice] = useState<NoticeState | undefined>(undefined);
  const sorted = useMemo(() => sortCollection(postings, sort.by, sort.direction), [postings, sort]);
  const shown = useMemo(() => filterCollection(sorted, filter), [sorted, filter]);
  const beforeDelete = useFocusUndoWhenEmptied(postings, notice);
  const area = browser.storage.local;

  return (
    <main class="collection" data-testid="collection-page">
      <header class="page-head">
        <h1>Saved postings</h1>
        <p class="lead" data-testid="collection-count">
          {countText(loaded, shown.length, postings.length)}
        </p>
      </header>
      {invalid > 0 && <InvalidEntries count={invalid} />}
      <TransferBar shown={shown} all={sorted} onNotice={setNotice} />
      <AddOpenTabs onNotice={setNotice} />
      <Notice notice={notice} onDismiss={() => setNotice(undefined)} testId="collection-notice" />
      {loaded && postings.length === 0 ? (
        <p class="empty" data-testid="collection-empty">
          Nothing saved yet. Open a job posting, click the Job Entities button and choose "Save to collection"; or
          import a JSON backup above.
        </p>
      ) : (
        <>
          <TopValuesChart postings={postings} onPick={(type, value) => setFilter(filterForPick(filter, type, value))} />
          <FilterBar postings={postings} filter={filter} onChange={setFilter} />
          <CollectionTable
            postings={shown}
            sort={sort}
            onSort={setSort}
            onDelete={(p) => {
              beforeDelete(postings.length === 1);
              void deleteWithUndo(area, p, setNotice);
            }}
            onTrack={(p, patch) => void saveTracking(area, p, patch).then((n) => n && setNotice(n))}
          />
        </>
      )}
    </main>
  );
}
