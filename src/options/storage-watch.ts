// The options page's subscriptions to stored data, each one small named function with the shape of
// a storage item's `watch(callback, signal)`: the hooks in use-stored-data.ts call only these, so
// moving them onto typed storage items changes this file alone.
import browser from 'webextension-polyfill';
import { examplesChanged } from '../shared/examples-store';
import { SET_ASIDE } from '../shared/stored-list';

type ChangedKeys = Record<string, unknown>;

/** Calls `onChange` after each storage change that `concerns` picks out, until `signal` aborts. */
function watchStorage(
  concerns: (changes: ChangedKeys, area: string) => boolean,
  onChange: () => void,
  signal: AbortSignal,
): void {
  const listener = (changes: ChangedKeys, area: string) => {
    if (concerns(changes, area)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

/** The saved training examples changed (saved from the popup, deleted here or in another tab). */
export function watchExamples(onChange: () => void, signal: AbortSignal): void {
  watchStorage(examplesChanged, onChange, signal);
}

const SET_ASIDE_KEYS = new Set<string>(Object.values(SET_ASIDE).map((s) => s.key));

/** Any store's set-aside (unreadable) entries changed. */
export function watchSetAside(onChange: () => void, signal: AbortSignal): void {
  watchStorage(
    (changes, area) => area === 'local' && Object.keys(changes).some((k) => SET_ASIDE_KEYS.has(k)),
    onChange,
    signal,
  );
}
