// The options page's subscriptions to stored data, through the storage items' watch: the hooks in
// use-stored-data.ts call only these.
import { browserAreas } from '../shared/browser-areas';
import { trainingExamplesItem, watchSetAside as watchSetAsideItems } from '../shared/storage-items';

/** The saved training examples changed (saved from the popup, deleted here or in another tab). */
export function watchExamples(onChange: () => void, signal: AbortSignal): void {
  trainingExamplesItem.watch(browserAreas, () => onChange(), signal);
}

/** Any store's set-aside (unreadable) entries changed. */
export function watchSetAside(onChange: () => void, signal: AbortSignal): void {
  watchSetAsideItems(browserAreas, onChange, signal);
}
