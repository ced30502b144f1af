// One extraction job for one tab: a cached result or a capture and a request to the provider, each
// step written to storage.session (job:<tabId>) so that a popup closed mid-request loses nothing
// and a reopened one shows the finished result without a second request. Everything the job
// reaches outside itself comes through its context (storage areas, capture, provider, clock), so
// the cache, stale-job, cancel and newer-job races are unit-tested with fakes.
import { cacheKey } from '../core/cache-key';
import type { ExtractionResult } from '../core/entities';
import { ExtractionError, throwIfCancelled, type ErrorInfo } from '../core/errors';
import { planChunks } from '../core/extract';
import { focusPosting } from '../core/focus';
import type { Posting } from '../core/posting';
import type { Scope } from '../core/sections';
import { capText, resolveProvider, type Settings } from '../core/settings';
import { textHash } from '../shared/corrections-store';
import type { JobState } from '../shared/job-state';
import type { StorageAreaLike } from '../shared/storage-item';
import { jobItems } from '../shared/storage-items';
import { getCached, putCached, readSelection, removeJob } from '../shared/storage';
import { jobSignal, timeoutInfo } from './worker-limits';

export const OFFLINE_MODEL_LABEL = 'offline extractor';
/** What a job cancelled by the user (or found cancelled) says. */
export const CANCELLED_JOB_ERROR: ErrorInfo = {
  code: 'cancelled',
  message: 'Cancelled. Click Re-extract to try again.',
};

/**
 * The user's cancel as the job state records it (under the job's lock: the running job's next
 * step sees it and leaves it be), so a popup reopened later shows "Cancelled" rather than a request
 * that never ends. The caller aborts the running job's signal.
 */
export async function recordCancel(session: StorageAreaLike, tabId: number, now: number): Promise<void> {
  await jobItems
    .of(tabId)
    .update({ session }, (job) =>
      job && (job.status === 'capturing' || job.status === 'extracting')
        ? { ...job, status: 'error', error: CANCELLED_JOB_ERROR, finishedAt: now }
        : job,
    );
}

/** What a job reaches outside itself. */
export interface JobContext {
  areas: { local: StorageAreaLike; session: StorageAreaLike };
  /** Captures the tab's posting (the selection's text when `useSelection`). */
  capture(tabId: number, selection: string | undefined, useSelection: boolean): Promise<Posting>;
  /** Throws when the extension may not reach the model server. */
  ensureHostPermission(baseURL: string): Promise<void>;
  /** The provider call (the core's extractPosting in the extension). */
  extract(posting: Posting, settings: Settings, signal: AbortSignal): Promise<ExtractionResult>;
  now(): number;
}

export interface JobRequest {
  id: string;
  tabId: number;
  url: string;
  selection: boolean;
  /** Skip the cache ("Re-extract"). */
  force: boolean;
  settings: Settings;
  /** settingsKey(settings): recorded in the job, so a finished job asked with other settings is not reused. */
  settingsKey: string;
  scope?: Scope;
  /** "Send all": no text cap. */
  all: boolean;
  /** The user's cancel (or a newer job for the tab). */
  signal: AbortSignal;
}

export async function runJob(ctx: JobContext, req: JobRequest): Promise<JobState> {
  const save = jobSaver(ctx, initialJob(ctx, req));
  const limited = jobSignal(req.signal, req.settings);
  try {
    // A selection is not the page: only whole-page captures are found again by URL.
    const urlKey = req.selection || !req.url ? undefined : await cacheKey(`url:${req.url}`, req.settings);
    // Looked up before anything else is written: a reopened popup's fastest path.
    const byUrl = !req.force && urlKey ? await getCached(ctx.areas.local, { url: urlKey }) : undefined;
    if (byUrl) return await save(await cachedAnswer(ctx, byUrl.posting, byUrl.cut, byUrl.result));
    await save({});
    const selected = req.selection ? await readSelection(ctx.areas.session, req.tabId) : undefined;
    const { posting, cut } = postingToSend(await ctx.capture(req.tabId, selected, req.selection), req);
    const textKey = await cacheKey(posting.text, req.settings);
    const byText = req.force ? undefined : await getCached(ctx.areas.local, { text: textKey });
    if (byText) {
      await putCached(ctx.areas.local, textKey, urlKey, { ...byText, usedAt: ctx.now() });
      return await save(await cachedAnswer(ctx, posting, cut, byText.result));
    }
    if (resolveProvider(req.settings) === 'openai') await ctx.ensureHostPermission(req.settings.baseURL);
    throwIfCancelled(req.signal);
    await save({ status: 'extracting', posting, cut, textHash: await textHash(posting.text) });
    const result = await ctx.extract(posting, req.settings, limited);
    throwIfCancelled(req.signal);
    // A cut-off answer is not a clean one: shown with its warning, never served again from the cache.
    if (result.meta.finishReason !== 'length')
      await putCached(ctx.areas.local, textKey, urlKey, {
        result,
        posting,
        usedAt: ctx.now(),
        ...(cut ? { cut } : {}),
      });
    const model = result.meta.provider === 'local' ? OFFLINE_MODEL_LABEL : result.meta.model;
    return await save({ status: 'done', result, model, fromCache: false, finishedAt: ctx.now() });
  } catch (err) {
    const error = req.signal.aborted
      ? CANCELLED_JOB_ERROR
      : timeoutInfo(limited.aborted ? new ExtractionError('timeout', 'timeout') : err, req.settings);
    return await save({ status: 'error', error, finishedAt: ctx.now() });
  }
}

function initialJob(ctx: JobContext, req: JobRequest): JobState {
  return {
    id: req.id,
    tabId: req.tabId,
    url: req.url,
    status: 'capturing',
    startedAt: ctx.now(),
    provider: resolveProvider(req.settings),
    model: modelLabel(req.settings),
    selection: req.selection,
    settingsKey: req.settingsKey,
    ...(req.scope ? { scope: req.scope } : {}),
  };
}

export function modelLabel(settings: Settings): string {
  return resolveProvider(settings) === 'local' ? OFFLINE_MODEL_LABEL : settings.model;
}

async function cachedAnswer(
  ctx: JobContext,
  posting: Posting,
  cut: JobState['cut'],
  result: ExtractionResult,
): Promise<Partial<JobState>> {
  return {
    status: 'done',
    posting,
    cut,
    textHash: await textHash(posting.text),
    result,
    fromCache: true,
    finishedAt: ctx.now(),
  };
}

/**
 * The posting as it is sent: a model server gets at most maxTextChars characters of the text the
 * scope reads per click unless the user asked for all ("Send all"); `cut` says how much was kept.
 */
export function postingToSend(
  captured: Posting,
  req: Pick<JobRequest, 'settings' | 'all'>,
): { posting: Posting; cut: JobState['cut'] } {
  const { settings } = req;
  if (resolveProvider(settings) !== 'openai' || req.all) return { posting: captured, cut: undefined };
  const toSend = focusPosting(captured, settings.scope).text;
  const kept = capText(toSend, settings.maxTextChars);
  if (kept === undefined) return { posting: captured, cut: undefined };
  return {
    posting: { ...captured, text: kept, sections: undefined },
    cut: { total: toSend.length, kept: kept.length, requests: planChunks(toSend, settings).length },
  };
}

/**
 * Writes each step of the job, under the job item's lock, unless the stored state says this job
 * is over: cancelled (then the cancelled state is what the job reports) or replaced by a newer job
 * for the tab (whose state this one never overwrites).
 */
function jobSaver(ctx: JobContext, first: JobState): (patch: Partial<JobState>) => Promise<JobState> {
  let job = first;
  const item = jobItems.of(first.tabId);
  const areas = { session: ctx.areas.session };
  return async (patch) => {
    job = { ...job, ...patch };
    let reported = job;
    const unlessOver = (candidate: JobState) => (current: JobState | null) => {
      if (current?.id === job.id && current.status === 'error' && current.error?.code === 'cancelled') {
        reported = current;
        return current;
      }
      return current && current.id !== job.id && current.startedAt > job.startedAt ? current : candidate;
    };
    await writeTolerant(
      (candidate) => item.update(areas, unlessOver(candidate)),
      job,
      () => removeJob(ctx.areas.session, job.tabId),
    );
    return reported;
  };
}

/**
 * A job write that storage.session refuses (its quota is shared by every tab) must not turn a
 * finished result into a failure: the popup gets the job in the reply anyway. The job is written
 * without its posting text instead; failing that, the stale state is removed so a reopened popup
 * asks again (and finds the result in the cache) rather than waiting on "extracting" for ever.
 */
async function writeTolerant(
  write: (job: JobState) => Promise<unknown>,
  job: JobState,
  remove: () => Promise<void>,
): Promise<void> {
  try {
    await write(job);
  } catch {
    try {
      await write(job.posting ? { ...job, posting: { ...job.posting, text: '', sections: undefined } } : job);
    } catch {
      await remove().catch(() => undefined);
    }
  }
}
