// The saved collection as page state: read on mount, read again whenever storage.local's collection
// changes (a popup saving a posting while this page is open, another tab deleting one).
import type { SavedPosting } from '../core/export/collection';
import { collectionItem } from '../shared/storage-items';
import { useStoredItem } from '../shared/use-stored-item';

export interface CollectionState {
  loaded: boolean;
  postings: SavedPosting[];
  /** Stored entries that failed validation on the last read. */
  invalid: number;
}

export function useCollection(): CollectionState {
  const { loaded, value, invalid } = useStoredItem(collectionItem);
  return { loaded, postings: value, invalid: invalid.length };
}
