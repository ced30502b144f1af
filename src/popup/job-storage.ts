// The tab's job as the worker keeps it in storage.session: one read and one watch, each validated
// by the job item. The only places the popup touches the job keys.
import { browserAreas } from '../shared/browser-areas';
import type { JobState } from '../shared/messages';
import { jobItems } from '../shared/storage-items';

/** The tab's stored job (undefined when there is none or it does not parse). */
export async function readStoredJob(tabId: number): Promise<JobState | undefined> {
  return (await jobItems.of(tabId).get(browserAreas)) ?? undefined;
}

/** Calls `onJob` with each valid state the worker writes for the tab, until `signal` aborts. */
export function watchJob(tabId: number, onJob: (job: JobState) => void, signal: AbortSignal): void {
  jobItems.of(tabId).watch(browserAreas, (job) => job && onJob(job), signal);
}
