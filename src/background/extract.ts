// The "extract" message: the tab's finished job when it is still the page's and made with these
// settings, the running one when it is, or a new job (job-run.ts) in the browser's context.
import browser from 'webextension-polyfill';
import { cacheKey } from '../core/cache-key';
import { ExtractionError } from '../core/errors';
import { extractPosting } from '../core/extract';
import type { Settings } from '../core/settings';
import { browserAreas } from '../shared/browser-areas';
import { isJobFor, type JobState } from '../shared/job-state';
import type { ParsedRequestOf } from '../shared/messages';
import { areaOf } from '../shared/storage-item';
import { readJob, readSettingsForRequest } from '../shared/storage';
import { captureTab } from './capture-tab';
import { ensureHostPermission } from './host-permission';
import { clearInFlight, getInFlight, setInFlight } from './inflight';
import { runJob, type JobContext, type JobRequest } from './job-run';
import { withWorkerLimits } from './worker-limits';

export { OFFLINE_MODEL_LABEL } from './job-run';

/** What a job reaches in the extension: browser.storage, the tab, the provider, the clock. */
export function browserJobContext(): JobContext {
  return {
    areas: { local: areaOf(browserAreas, 'local'), session: areaOf(browserAreas, 'session') },
    capture: captureTab,
    ensureHostPermission,
    extract: extractPosting,
    now: Date.now,
  };
}

export async function handleExtract(req: ParsedRequestOf<'extract'>): Promise<JobState> {
  const { tabId } = req;
  const selection = req.selection ?? false;
  const tab = await browser.tabs.get(tabId).catch(() => {
    throw new ExtractionError('no_posting', 'The tab is gone. Open the job posting again and click the extension.');
  });
  const url = tab.url ?? '';
  const ctx = browserJobContext();
  const saved = withWorkerLimits(await readSettingsForRequest(ctx.areas.local));
  const job = await readJob(ctx.areas.session, tabId);
  // A scope chosen in the popup for this posting holds for it until another is chosen.
  const scope = req.scope ?? (isJobFor(job, { url, selection }) ? job.scope : undefined);
  const scoped = scope ? { ...saved, scope } : saved;
  // "Use the offline extractor for now": one extraction with it, the settings unchanged.
  const settings = req.offline ? { ...scoped, provider: 'local' as const } : scoped;
  const key = await settingsKey(settings);
  const running = getInFlight(tabId);
  if (!req.force && isJobFor(job, { url, selection, settingsKey: key })) {
    if (job.status === 'done') return job;
    if (running && running.jobId === job.id) return running.done;
  }
  running?.controller.abort();
  return startJob(ctx, {
    tabId,
    url,
    selection,
    force: req.force ?? false,
    settings,
    settingsKey: key,
    scope,
    all: req.all ?? false,
  });
}

/**
 * What a job records of its settings: the core's cache key over no text, i.e. a hash of exactly the
 * settings that change the answer (the key, timeout and retries left out).
 */
export function settingsKey(settings: Settings): Promise<string> {
  return cacheKey('', settings);
}

function startJob(ctx: JobContext, req: Omit<JobRequest, 'id' | 'signal'>): Promise<JobState> {
  const controller = new AbortController();
  const id = crypto.randomUUID();
  const done = runJob(ctx, { ...req, id, signal: controller.signal }).finally(() => clearInFlight(req.tabId, id));
  setInFlight(req.tabId, { jobId: id, controller, done });
  return done;
}
