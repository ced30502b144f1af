// Stored data the options page shows, read once and again after every change: the training
// examples (with the check report's identity: a new object after every change) and the entries
// set aside as unreadable, which span five storage items. Each hook is the one place its
// component gets the data from.
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { errorMessage } from '../core/text';
import { readExamples, type ExamplesRead } from '../shared/examples-store';
import { readAllSetAside, type SetAsideGroup } from '../shared/stored-list';
import { watchExamples, watchSetAside } from './storage-watch';

/** Runs `load` now and after every change `watch` reports, until the component goes. */
function useLoadAndWatch(load: () => void, watch: (onChange: () => void, signal: AbortSignal) => void): void {
  useEffect(() => {
    const stop = new AbortController();
    load();
    watch(load, stop.signal);
    return () => stop.abort();
  }, [load, watch]);
}

/** The saved training examples (undefined until first read); a new object after every change. */
export function useTrainingExamples(): ExamplesRead | undefined {
  const [read, setRead] = useState<ExamplesRead>();
  const load = useCallback(() => void readExamples(browser.storage.local).then(setRead), []);
  useLoadAndWatch(load, watchExamples);
  return read;
}

/** Every store's set-aside entries, with the message when they could not be read. */
export function useSetAsideGroups() {
  const [groups, setGroups] = useState<SetAsideGroup[]>([]);
  const [readError, setReadError] = useState<string>();
  const load = useCallback(
    () =>
      void readAllSetAside(browser.storage.local).then(setGroups, (err: unknown) =>
        setReadError(`The set-aside entries could not be read (${errorMessage(err)}).`),
      ),
    [],
  );
  useLoadAndWatch(load, watchSetAside);
  return { groups, readError, reload: load };
}
