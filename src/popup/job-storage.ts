// The tab's job as the worker keeps it in storage.session: one read and one watch, each validated.
// The only places the popup touches the job keys, so the storage layer can take them over whole.
import browser, { type Storage } from 'webextension-polyfill';
import { JobStateSchema, type JobState } from '../shared/messages';
import { jobKey } from '../shared/storage';

/** The tab's stored job (undefined when there is none or it does not parse). */
export async function readStoredJob(tabId: number): Promise<JobState | undefined> {
  const stored = await browser.storage.session.get(jobKey(tabId));
  const parsed = JobStateSchema.safeParse(stored[jobKey(tabId)]);
  return parsed.success ? parsed.data : undefined;
}

/** Calls `onJob` with each valid state the worker writes for the tab, until `signal` aborts. */
export function watchJob(tabId: number, onJob: (job: JobState) => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area !== 'session') return;
    const parsed = JobStateSchema.safeParse(changes[jobKey(tabId)]?.newValue);
    if (parsed.success) onJob(parsed.data);
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}
