// "Add all open job tabs" as page state: the progress of the run in hand (none when idle), how many
// skipped tabs access to all sites could add, and Run, Cancel and Allow-and-run for the buttons.
import { useRef, useState } from 'preact/hooks';
import type { NoticeState } from '../shared/Notice';
import { addOpenTabs, ALL_SITES_REFUSED, cancelTabs, findJobTabs, requestAllSites, type TabRun } from './add-open-tabs';

export interface Progress {
  done: number;
  total: number;
}

export function useAddOpenTabs(onNotice: (n: NoticeState) => void) {
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [hidden, setHidden] = useState(0);
  const current = useRef<TabRun | null>(null);

  const run = async () => {
    const { tabIds, hidden, askable } = await findJobTabs();
    setHidden(askable ? hidden : 0);
    const tabRun: TabRun = {
      cancelled: false,
      inFlight: new Set(),
      onProgress: (done, total) => setProgress({ done, total }),
    };
    current.current = tabRun;
    const notice = await addOpenTabs(tabIds, hidden, tabRun);
    setProgress(undefined);
    onNotice(notice);
  };

  return {
    progress,
    hidden,
    run,
    cancel: () => {
      if (current.current) cancelTabs(current.current);
    },
    allowAndRun: async () => {
      if (await requestAllSites()) await run();
      else onNotice(ALL_SITES_REFUSED);
    },
  };
}
