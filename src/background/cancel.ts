// The "cancel" message: abort the tab's in-flight request and record the cancellation in the job
// state, so that a popup reopened later shows "Cancelled" rather than a request that never ends.
import browser from 'webextension-polyfill';
import type { ParsedRequestOf, ReplyOf } from '../shared/messages';
import { readJob, writeJob } from '../shared/storage';
import { getInFlight } from './inflight';

export async function handleCancel(req: ParsedRequestOf<'cancel'>): Promise<ReplyOf<'cancel'>> {
  const running = getInFlight(req.tabId);
  const job = await readJob(browser.storage.session, req.tabId);
  if (job && (job.status === 'capturing' || job.status === 'extracting')) {
    await writeJob(browser.storage.session, {
      ...job,
      status: 'error',
      error: { code: 'cancelled', message: 'Cancelled. Click Re-extract to try again.' },
      finishedAt: Date.now(),
    });
  }
  running?.controller.abort();
  return { cancelled: Boolean(running) };
}
