// The saved collection as page state: read on mount, re-read whenever storage.local's collection
// changes (a popup saving a posting while this page is open, another tab deleting one).
import { useEffect, useState } from 'preact/hooks';
import browser, { type Storage } from 'webextension-polyfill';
import type { SavedPosting } from '../core/export/collection';
import { COLLECTION_KEY, readCollection } from '../shared/collection-store';

export interface CollectionState {
  loaded: boolean;
  postings: SavedPosting[];
  /** Stored entries that failed validation on the last read. */
  invalid: number;
}

/**
 * Calls `onChange` each time the stored collection changes, until `signal` aborts: the one place
 * this page listens to storage, shaped like a storage item's watch(callback, signal).
 */
export function watchCollection(onChange: () => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && COLLECTION_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
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
