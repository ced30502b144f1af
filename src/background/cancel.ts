// The "cancel" message: abort the tab's in-flight request and record the cancellation in the job
// state, so that a popup reopened later shows "Cancelled" rather than a request that never ends.
import { browserAreas } from '../shared/browser-areas';
import type { ParsedRequestOf, ReplyOf } from '../shared/messages';
import { areaOf } from '../shared/storage-item';
import { getInFlight } from './inflight';
import { recordCancel } from './job-run';

export async function handleCancel(req: ParsedRequestOf<'cancel'>): Promise<ReplyOf<'cancel'>> {
  const running = getInFlight(req.tabId);
  await recordCancel(areaOf(browserAreas, 'session'), req.tabId, Date.now());
  running?.controller.abort();
  return { cancelled: Boolean(running) };
}
