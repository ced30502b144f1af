// Whether a stored job still belongs to the page a tab shows: the worker's own check (isJobFor),
// without the settings, which the popup does not read.
import { isJobFor } from '../shared/job-state';
import type { JobState } from '../shared/messages';

/**
 * The job was made for this URL (and, when `selection` is given, from a selection or not alike).
 * Without the tab's URL (a host the extension may not read) nothing proves it is the page's.
 */
export function jobIsForPage(job: JobState, url: string | undefined, selection?: boolean): boolean {
  return isJobFor(job, { url, selection: selection ?? job.selection ?? false });
}
