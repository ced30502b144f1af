// The "get-job" message: the tab's job state as storage.session holds it.
import browser from 'webextension-polyfill';
import type { JobState, ParsedRequestOf } from '../shared/messages';
import { readJob } from '../shared/storage';

export async function handleGetJob(req: ParsedRequestOf<'get-job'>): Promise<JobState | null> {
  return readJob(browser.storage.session, req.tabId);
}
