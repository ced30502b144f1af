// The "extract" message: capture the tab's posting, then a cached result or a request to the
// provider. Each step is written to storage.session (job:<tabId>) so that a popup closed mid-request
// loses nothing and a reopened one shows the finished result without a second request.
import browser from 'webextension-polyfill';
import { cacheKey } from '../core/cache-key';
import { ExtractionError, throwIfCancelled } from '../core/errors';
import { extractPosting, planChunks } from '../core/extract';
import { focusPosting } from '../core/focus';
import type { Scope } from '../core/sections';
import { capText, resolveProvider, type Settings } from '../core/settings';
import type { JobState, ParsedRequestOf } from '../shared/messages';
import { textHash } from '../shared/corrections-store';
import {
  getCached,
  putCached,
  readJob,
  readSelection,
  readSettingsForRequest,
  removeJob,
  writeJob,
  type StorageAreaLike,
} from '../shared/storage';
import { captureTab } from './capture-tab';
import { ensureHostPermission } from './host-permission';
import { clearInFlight, getInFlight, setInFlight } from './inflight';
import { jobSignal, timeoutInfo, withWorkerLimits } from './worker-limits';

export const OFFLINE_MODEL_LABEL = 'offline extractor';

export async function handleExtract(req: ParsedRequestOf<'extract'>): Promise<JobState> {
  const { tabId } = req;
  const selection = req.selection ?? false;
  const tab = await browser.tabs.get(tabId).catch(() => {
    throw new ExtractionError('no_posting', 'The tab is gone. Open the job posting again and click the extension.');
  });
  const url = tab.url ?? '';
  const saved = withWorkerLimits(await readSettingsForRequest(browser.storage.local));
  const job = await readJob(browser.storage.session, tabId);
  // Without a URL (the tab's host is not readable) nothing proves it is the same page.
  const samePage = !!job && url !== '' && job.url === url && (job.selection ?? false) === selection;
  // A scope chosen in the popup for this posting holds for it until another is chosen.
  const scope = req.scope ?? (samePage ? job?.scope : undefined);
  const scoped = scope ? { ...saved, scope } : saved;
  // "Use the offline extractor for now": one extraction with it, the settings unchanged.
  const settings = req.offline ? { ...scoped, provider: 'local' as const } : scoped;
  const key = await settingsKey(settings);
  const running = getInFlight(tabId);
  if (!req.force && job) {
    // A job asked with other answer-changing settings (model, mode, base URL, provider, scope...)
    // is stale: its answer is not the one these settings give.
    const same = samePage && job.settingsKey === key;
    if (same && job.status === 'done') return job;
    if (same && running && running.jobId === job.id) return running.done;
  }
  running?.controller.abort();
  return startJob(tabId, url, selection, req.force ?? false, settings, key, scope, req.all ?? false);
}

/**
 * What a job records of its settings: the core's cache key over no text, i.e. a hash of exactly the
 * settings that change the answer (the key, timeout and retries left out).
 */
export function settingsKey(settings: Settings): Promise<string> {
  return cacheKey('', settings);
}

function startJob(
  tabId: number,
  url: string,
  selection: boolean,
  force: boolean,
  settings: Settings,
  key: string,
  scope: Scope | undefined,
  all: boolean,
): Promise<JobState> {
  const controller = new AbortController();
  const jobId = crypto.randomUUID();
  const done = runJob(jobId, tabId, url, selection, force, settings, key, controller.signal, scope, all).finally(() =>
    clearInFlight(tabId, jobId),
  );
  setInFlight(tabId, { jobId, controller, done });
  return done;
}

async function runJob(
  id: string,
  tabId: number,
  url: string,
  selection: boolean,
  force: boolean,
  settings: Settings,
  key: string,
  signal: AbortSignal,
  scope?: Scope,
  all = false,
): Promise<JobState> {
  const session = browser.storage.session;
  const local = browser.storage.local;
  const provider = resolveProvider(settings);
  let job: JobState = {
    id,
    tabId,
    url,
    status: 'capturing',
    startedAt: Date.now(),
    provider,
    model: modelLabel(settings),
    selection,
    settingsKey: key,
  };
  if (scope) job.scope = scope;
  const save = async (patch: Partial<JobState>): Promise<JobState> => {
    job = { ...job, ...patch };
    // A cancel (or a newer job for the tab) may have replaced this job's state meanwhile: then
    // leave it be and report it.
    const current = await readJob(session, tabId);
    if (current && current.id === id && current.status === 'error' && current.error?.code === 'cancelled')
      return current;
    if (current && current.id !== id && current.startedAt > job.startedAt) return job;
    await writeJobTolerant(session, job);
    return job;
  };
  const limited = jobSignal(signal, settings);
  try {
    // A selection is not the page: only whole-page captures are found again by URL. Looked up
    // before anything else is written: a reopened popup's fastest path.
    const urlKey = selection || !url ? undefined : await cacheKey(`url:${url}`, settings);
    if (!force && urlKey) {
      const hit = await getCached(local, { url: urlKey });
      if (hit)
        return await save({
          status: 'done',
          posting: hit.posting,
          cut: hit.cut,
          textHash: await textHash(hit.posting.text),
          result: hit.result,
          fromCache: true,
          finishedAt: Date.now(),
        });
    }
    await save({});
    const captured = await captureTab(tabId, selection ? await readSelection(session, tabId) : undefined, selection);
    // A model server gets at most maxTextChars characters per click unless the user asked for all ("Send all").
    // What counts is the text the scope reads, not the whole page.
    const toSend = provider === 'openai' && !all ? focusPosting(captured, settings.scope).text : undefined;
    const capped = toSend === undefined ? undefined : capText(toSend, settings.maxTextChars);
    const posting = capped === undefined ? captured : { ...captured, text: capped, sections: undefined };
    const cut =
      capped === undefined || toSend === undefined
        ? undefined
        : { total: toSend.length, kept: capped.length, requests: planChunks(toSend, settings).length };
    const textKey = await cacheKey(posting.text, settings);
    if (!force) {
      const hit = await getCached(local, { text: textKey });
      if (hit) {
        await putCached(local, textKey, urlKey, { ...hit, usedAt: Date.now() });
        return await save({
          status: 'done',
          posting,
          cut,
          textHash: await textHash(posting.text),
          result: hit.result,
          fromCache: true,
          finishedAt: Date.now(),
        });
      }
    }
    if (provider === 'openai') await ensureHostPermission(settings.baseURL);
    throwIfCancelled(signal);
    await save({ status: 'extracting', posting, cut, textHash: await textHash(posting.text) });
    const result = await extractPosting(posting, settings, limited);
    throwIfCancelled(signal);
    // A cut-off answer is not a clean one: shown with its warning, never served again from the cache.
    if (result.meta.finishReason !== 'length')
      await putCached(local, textKey, urlKey, { result, posting, usedAt: Date.now(), ...(cut ? { cut } : {}) });
    return await save({
      status: 'done',
      result,
      model: result.meta.provider === 'local' ? OFFLINE_MODEL_LABEL : result.meta.model,
      fromCache: false,
      finishedAt: Date.now(),
    });
  } catch (err) {
    const error = signal.aborted
      ? { code: 'cancelled' as const, message: 'Cancelled. Click Re-extract to try again.' }
      : limited.aborted
        ? timeoutInfo(new ExtractionError('timeout', 'timeout'), settings)
        : timeoutInfo(err, settings);
    return await save({ status: 'error', error, finishedAt: Date.now() });
  }
}

/**
 * A job write that storage.session refuses (its quota is shared by every tab) must not turn a
 * finished result into a failure: the popup gets the job in the reply anyway. A finished job is
 * written without its posting text instead; failing that, the stale state is removed so a reopened
 * popup asks again (and finds the result in the cache) rather than waiting on "extracting" for ever.
 */
async function writeJobTolerant(session: StorageAreaLike, job: JobState): Promise<void> {
  try {
    await writeJob(session, job);
  } catch {
    try {
      await writeJob(
        session,
        job.posting ? { ...job, posting: { ...job.posting, text: '', sections: undefined } } : job,
      );
    } catch {
      await removeJob(session, job.tabId).catch(() => undefined);
    }
  }
}

function modelLabel(settings: Settings): string {
  return resolveProvider(settings) === 'local' ? OFFLINE_MODEL_LABEL : settings.model;
}
