// One Preact hook over a storage item: its value, read on mount and replaced on every change in
// storage (another page saving, the worker writing a job), for as long as the component is mounted.
import { useEffect, useState } from 'preact/hooks';
import { browserAreas } from './browser-areas';
import type { Areas, StorageItem } from './storage-item';

export interface StoredItemState<T> {
  /** False until the first read answered. */
  loaded: boolean;
  /** The item's fallback until then, and when the browser cannot read it. */
  value: T;
  /** Stored entries that failed validation (set aside by the next write). */
  invalid: unknown[];
}

/** `item` must be stable across renders: a registry item, or a family member (`jobItems.of(id)` is cached). */
export function useStoredItem<T>(item: StorageItem<T>, areas: Areas = browserAreas): StoredItemState<T> {
  const [state, setState] = useState<StoredItemState<T>>({ loaded: false, value: item.fallback, invalid: [] });
  useEffect(() => {
    const stop = new AbortController();
    let changed = false;
    item.watch(
      areas,
      (value, { invalid }) => {
        changed = true;
        setState({ loaded: true, value, invalid });
      },
      stop.signal,
    );
    item.read(areas).then(
      // A change seen meanwhile is newer than this read.
      ({ value, invalid }) => !stop.signal.aborted && !changed && setState({ loaded: true, value, invalid }),
      () => !stop.signal.aborted && !changed && setState({ loaded: true, value: item.fallback, invalid: [] }),
    );
    return () => stop.abort();
  }, [item, areas]);
  return state;
}
