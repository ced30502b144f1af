// The collection page: saved postings in a table that sorts and filters, the most frequent values
// as a bar chart, a status and notes per posting, deletion (with undo), exports of what is shown or
// of everything (CSV, TSV, JSON), a JSON import, and "Add all open job tabs".
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  filterCollection,
  sortCollection,
  type CollectionFilter,
  type SavedPosting,
  type SortKey,
  type TrackingPatch,
} from '../core/export/collection';
import { deletePosting, savePosting, updateTracking } from '../shared/collection-store';
import { AddOpenTabs } from './components/AddOpenTabs';
import { CollectionTable } from './components/CollectionTable';
import { FilterBar } from './components/FilterBar';
import { Notice, type NoticeState } from '../shared/Notice';
import { TopValuesChart } from './components/TopValuesChart';
import { TransferBar } from './components/TransferBar';
import { useCollection } from './use-collection';

export interface SortState {
  by: SortKey;
  direction: 'asc' | 'desc';
}

export function CollectionPage() {
  const { loaded, postings, invalid } = useCollection();
  const [filter, setFilter] = useState<CollectionFilter>({});
  const [sort, setSort] = useState<SortState>({ by: 'capturedAt', direction: 'desc' });
  const [notice, setNotice] = useState<NoticeState | undefined>(undefined);

  const sorted = useMemo(() => sortCollection(postings, sort.by, sort.direction), [postings, sort]);
  const shown = useMemo(() => filterCollection(sorted, filter), [sorted, filter]);

  // Deleting the last row removes the table: focus goes to Undo instead of falling to <body>.
  const focusUndo = useRef(false);
  useEffect(() => {
    if (!focusUndo.current || postings.length > 0 || !notice?.action) return;
    focusUndo.current = false;
    document.querySelector<HTMLElement>('[data-testid="notice-action"]')?.focus();
  }, [postings, notice]);

  const remove = async (p: SavedPosting) => {
    focusUndo.current = postings.length === 1;
    try {
      await deletePosting(browser.storage.local, p.url);
      setNotice({
        kind: 'ok',
        text: `Deleted "${p.title || p.url}".`,
        action: {
          label: 'Undo',
          run: () =>
            void savePosting(browser.storage.local, p, { keepTracking: false }).then(() =>
              setNotice({ kind: 'ok', text: `Restored "${p.title || p.url}".` }),
            ),
        },
      });
    } catch (err) {
      setNotice({
        kind: 'error',
        text: `Could not delete the posting (${err instanceof Error ? err.message : String(err)}). Reload the page and try again.`,
      });
    }
  };

  const track = async (p: SavedPosting, patch: TrackingPatch) => {
    try {
      await updateTracking(browser.storage.local, p.url, patch);
    } catch (err) {
      setNotice({
        kind: 'error',
        text: `Could not save the ${patch.notes !== undefined ? 'notes' : 'status'} of "${p.title || p.url}" (${err instanceof Error ? err.message : String(err)}). Try again.`,
      });
    }
  };

  return (
    <main class="collection" data-testid="collection-page">
      <header class="page-head">
        <h1>Saved postings</h1>
        <p class="lead" data-testid="collection-count">
          {!loaded
            ? 'Loading…'
            : shown.length === postings.length
              ? `${postings.length} saved`
              : `${shown.length} of ${postings.length} shown`}
        </p>
      </header>
      {invalid > 0 && (
        <p class="notice error" role="alert" data-testid="collection-invalid">
          {invalid === 1 ? '1 saved entry' : `${invalid} saved entries`} could not be read and{' '}
          {invalid === 1 ? 'is' : 'are'} not shown. The next change here sets
          {invalid === 1 ? ' it' : ' them'} aside in extension storage (nothing is deleted); importing a backup restores
          lost postings.
        </p>
      )}
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
          <TopValuesChart
            postings={postings}
            onPick={(type, value) =>
              setFilter(
                type === 'skills'
                  ? { ...filter, skill: value, type: undefined, value: undefined }
                  : { ...filter, type, value },
              )
            }
          />
          <FilterBar postings={postings} filter={filter} onChange={setFilter} />
          <CollectionTable
            postings={shown}
            sort={sort}
            onSort={setSort}
            onDelete={(p) => void remove(p)}
            onTrack={(p, patch) => void track(p, patch)}
          />
        </>
      )}
    </main>
  );
}
