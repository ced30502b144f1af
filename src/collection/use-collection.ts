// The saved collection as page state: read on mount, re-read whenever storage.local's collection
// changes (a popup saving a posting while this page is open, another tab deleting one).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { SavedPosting } from '../core/export/collection';
import { browserAreas } from '../shared/browser-areas';
import { readCollection } from '../shared/collection-store';
import { collectionItem } from '../shared/storage-items';

export interface CollectionState {
  loaded: boolean;
  postings: SavedPosting[];
  /** Stored entries that failed validation on the last read. */
  invalid: number;
}

/**
 * Calls `onChange` each time the stored collection changes, until `signal` aborts: the one place
 * this page listens to storage.
 */
export function watchCollection(onChange: () => void, signal: AbortSignal): void {
  collectionItem.watch(browserAreas, () => onChange(), signal);
}

export function useCollection(): CollectionState {
  const [state, setState] = useState<CollectionState>({ loaded: false, postings: [], invalid: 0 });
  useEffect(() => {
    const stop = new AbortController();
    const load = () =>
      void readCollection(browser.storage.local).then(({ postings, invalid }) => {
        if (!stop.signal.aborted) setState({ loaded: true, postings, invalid: invalid.length });
      });
    watchCollection(load, stop.signal);
    load();
    return () => stop.abort();
  }, []);
  return state;
}
