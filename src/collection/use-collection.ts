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

export function useCollection(): CollectionState {
  const [state, setState] = useState<CollectionState>({ loaded: false, postings: [], invalid: 0 });
  useEffect(() => {
    let live = true;
    const load = () =>
      void readCollection(browser.storage.local).then(({ postings, invalid }) => {
        if (live) setState({ loaded: true, postings, invalid: invalid.length });
      });
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'local' && COLLECTION_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    load();
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}
