// The "get-job" message: the tab's job state as storage.session holds it.
import { browserAreas } from '../shared/browser-areas';
import type { JobState } from '../shared/job-state';
import type { ParsedRequestOf } from '../shared/messages';
import { jobItems } from '../shared/storage-items';

export async function handleGetJob(req: ParsedRequestOf<'get-job'>): Promise<JobState | null> {
  return jobItems.of(req.tabId).get(browserAreas);
}
