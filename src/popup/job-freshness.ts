// Whether a stored job still belongs to the page a tab shows. The worker asks the same question
// (and also compares the settings the job was made with) before it answers from a stored job.
import type { JobState } from '../shared/messages';

/**
 * The job was made for this URL (and, when `selection` is given, from a selection or not alike).
 * Without the tab's URL (a host the extension may not read) nothing proves it is the page's.
 */
export function jobIsForPage(job: JobState, url: string | undefined, selection?: boolean): boolean {
  if (!url || job.url !== url) return false;
  return selection === undefined || (job.selection ?? false) === selection;
}
