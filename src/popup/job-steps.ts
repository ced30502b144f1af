// The steps of the view's job, outside the hook so each has a name: follow a tab (and watch its
// job), run an extraction, show a tab's job or "New posting", keep a navigated tab current, and
// join the extraction the popup began before its first render.
import browser, { type Tabs } from 'webextension-polyfill';
import type { ErrorInfo } from '../core/errors';
import { errorMessage } from '../core/text';
import type { Scope } from '../core/sections';
import { MessageError, sendMessage, type JobState } from '../shared/messages';
import { watchJob } from './job-storage';
import { autoExtractAllowed, isRunning, readTabJob, tabUrl } from './tab-job';
import { panelWindow, type PopupParams } from './target-tab';

export type PopupView =
  | { kind: 'starting' }
  | { kind: 'job'; tabId: number; job: JobState }
  | { kind: 'failed'; tabId?: number; error: ErrorInfo }
  /** The tab shows a page with no job yet: one click extracts it. */
  | { kind: 'idle'; tabId: number; consent?: boolean };

/** The moment a followed tab's view is painted, for bench/popup.ts (tab switch to view). */
export const VIEW_SHOWN_MARK = 'job-entities:view-shown';

/** What the steps share between renders: the followed tab, the shown job and the view's setters. */
export interface JobContext {
  params: PopupParams;
  setView: (view: PopupView) => void;
  setTabId: (tabId: number) => void;
  tabId?: number;
  /** The id of the job the view shows: its later progress is shown, other finished jobs are not. */
  jobId?: string;
  /** Bumped on every tab switch or navigation: late answers for an earlier page are dropped. */
  epoch: number;
  /** A selection (the context menu's) belongs to the page it was made on: not to the next one. */
  selection: boolean;
  /** The side panel's window, whose active tab it follows. */
  windowId?: number;
  watch?: AbortController;
}

export function toInfo(err: unknown): ErrorInfo {
  if (err instanceof MessageError) return err.info;
  return { code: 'unknown', message: errorMessage(err) };
}

export function showJob(ctx: JobContext, tabId: number, job: JobState): void {
  ctx.jobId = job.id;
  ctx.setView({ kind: 'job', tabId, job });
}

/** From now on the view is about this tab; the worker's progress on its job arrives through storage.session. */
export function followTab(ctx: JobContext, tabId: number): void {
  ctx.tabId = tabId;
  ctx.setTabId(tabId);
  ctx.watch?.abort();
  ctx.watch = new AbortController();
  watchJob(
    tabId,
    (job) => {
      if (isRunning(job) || job.id === ctx.jobId) showJob(ctx, tabId, job);
    },
    ctx.watch.signal,
  );
}

/** Asks the worker to extract the tab; its answer is shown unless the view moved on meanwhile. */
export async function runExtraction(
  ctx: JobContext,
  tabId: number,
  force: boolean,
  opts: { offline?: boolean; scope?: Scope } = {},
): Promise<void> {
  const mine = ctx.epoch;
  try {
    const job = await sendMessage('extract', {
      tabId,
      force,
      selection: ctx.selection,
      ...(opts.offline ? { offline: true } : {}),
      ...(opts.scope ? { scope: opts.scope } : {}),
    });
    if (mine !== ctx.epoch || ctx.tabId !== tabId) return;
    showJob(ctx, tabId, job);
  } catch (err) {
    if (mine !== ctx.epoch || ctx.tabId !== tabId) return;
    ctx.setView({ kind: 'failed', tabId, error: toInfo(err) });
  }
}

/** A followed tab: its finished or running job for the page it shows, else "New posting". */
export async function showTab(ctx: JobContext, tabId: number): Promise<void> {
  const mine = ++ctx.epoch;
  ctx.selection = false;
  followTab(ctx, tabId);
  const job = await readTabJob(tabId);
  if (mine !== ctx.epoch) return;
  if (job) showJob(ctx, tabId, job);
  else {
    ctx.jobId = undefined;
    const auto = ctx.params.mode === 'panel' ? await autoExtractAllowed() : 'off';
    if (mine !== ctx.epoch) return;
    if (auto === 'yes') {
      ctx.setView({ kind: 'starting' });
      void runExtraction(ctx, tabId, false);
    } else ctx.setView({ kind: 'idle', tabId, consent: auto === 'ask' });
  }
  performance.mark(VIEW_SHOWN_MARK, { detail: { tabId } });
}

/** The followed tab loaded a page: still the shown job's page (a reload, or its own job) keeps the view. */
export async function onNavigated(ctx: JobContext, tabId: number): Promise<void> {
  const url = await tabUrl(tabId);
  const shown = ctx.jobId;
  const job = await readTabJob(tabId);
  if (job && job.id === shown && url !== undefined && url === job.url) return;
  void showTab(ctx, tabId);
}

/** A detached window and the side panel follow their tab; the side panel follows its window's active tab. */
export function listenToTabs(ctx: JobContext): () => void {
  const { mode } = ctx.params;
  const onUpdated = (id: number, change: Tabs.OnUpdatedChangeInfoType) => {
    if (mode === 'popup' || id !== ctx.tabId) return;
    if (change.status === 'loading' || change.url !== undefined) void onNavigated(ctx, id);
  };
  const onActivated = (info: Tabs.OnActivatedActiveInfoType) => {
    if (mode === 'panel' && info.windowId === ctx.windowId && info.tabId !== ctx.tabId) void showTab(ctx, info.tabId);
  };
  const onRemoved = (id: number) => {
    if (id !== ctx.tabId || mode !== 'window') return;
    const message = 'The tab this window followed was closed. Open a job posting and click the extension there.';
    ctx.setView({ kind: 'failed', tabId: id, error: { code: 'no_posting', message } });
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onRemoved.addListener(onRemoved);
  return () => {
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onRemoved.removeListener(onRemoved);
  };
}

/** What the popup asks for before Preact renders anything: the first paint then has less to wait for. */
export interface PopupStart {
  target: Promise<number>;
  /** The worker's answer to the first "extract" (undefined: the view does not extract on open). */
  reply?: Promise<JobState>;
  /** The tab's finished job read straight from storage.session (undefined when there is none). */
  finished: Promise<JobState | undefined>;
}

/** The view's first tab: the side panel shows its job; the popup shows the stored job, then the worker's answer. */
export async function joinStart(ctx: JobContext, start: PopupStart): Promise<void> {
  let tabId: number;
  try {
    tabId = await start.target;
  } catch (err) {
    return ctx.setView({ kind: 'failed', error: toInfo(err) });
  }
  followTab(ctx, tabId);
  if (ctx.params.mode === 'panel') {
    ctx.windowId = await panelWindow(ctx.params).catch(() => undefined);
    void showTab(ctx, tabId);
    return;
  }
  void start.finished.then((job) => {
    if (job && ctx.jobId === undefined) showJob(ctx, tabId, job);
  });
  const mine = ctx.epoch;
  start.reply?.then(
    (job) => mine === ctx.epoch && showJob(ctx, tabId, job),
    (err) => mine === ctx.epoch && ctx.setView({ kind: 'failed', tabId, error: toInfo(err) }),
  );
}
