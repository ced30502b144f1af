// The view's job: the extraction of its tab. The toolbar popup starts (or rejoins) it before the
// first render (beginExtraction); a detached window and the side panel follow their tab: a tab
// switch (panel) shows that tab's job straight from storage.session, and a navigation to another
// page shows "New posting — Extract" (or extracts by itself when the user turned that on). The
// worker's progress arrives through storage.session.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser, { type Storage, type Tabs } from 'webextension-polyfill';
import type { ErrorInfo } from '../core/errors';
import type { Scope } from '../core/sections';
import { JobStateSchema, MessageError, sendMessage, type JobState } from '../shared/messages';
import { readPanelPrefs } from '../shared/panel-prefs';
import { jobKey } from '../shared/storage';
import { panelWindow, resolveTargetTab, type PopupParams } from './target-tab';

export type PopupView =
  | { kind: 'starting' }
  | { kind: 'job'; tabId: number; job: JobState }
  | { kind: 'failed'; tabId?: number; error: ErrorInfo }
  /** The tab shows a page with no job yet: one click extracts it. */
  | { kind: 'idle'; tabId: number; consent?: boolean };

/** The moment a followed tab's view is painted, for bench/popup.ts (tab switch to view). */
export const VIEW_SHOWN_MARK = 'job-entities:view-shown';

/** What the popup asks for before Preact renders anything: the first paint then has less to wait for. */
export interface PopupStart {
  target: Promise<number>;
  /** The worker's answer to the first "extract" (undefined: the view does not extract on open). */
  reply?: Promise<JobState>;
  /** The tab's finished job read straight from storage.session (undefined when there is none). */
  finished: Promise<JobState | undefined>;
}

export function beginExtraction(params: PopupParams): PopupStart {
  const target = resolveTargetTab(params);
  // The side panel opens on whatever tab is active: it shows that tab's job, and extracts only on a click.
  const reply =
    params.mode === 'panel'
      ? undefined
      : target.then((tabId) => sendMessage('extract', { tabId, force: false, selection: params.selection }));
  const finished = target.then((tabId) => readFinishedJob(tabId, params.selection, params.mode !== 'panel'));
  // Handled by the hook; keep unhandled-rejection noise out of the console meanwhile.
  reply?.catch(() => undefined);
  target.catch(() => undefined);
  return { target, reply, finished };
}

export interface JobControls {
  view: PopupView;
  tabId?: number;
  /** Extract again, bypassing the cache; `offline`: this once with the offline extractor. */
  reextract: (opts?: { offline?: boolean }) => void;
  /** Extract the page the view shows (cache allowed): "New posting — Extract". */
  extract: () => void;
  cancel: () => void;
  /** The user agreed that automatic extraction may send page text to the model server. */
  agreeAutoExtract: () => void;
  /** Extract this posting again reading another part of it (cached apart, so switching back is instant). */
  rescope: (scope: Scope) => void;
}

export function useJob(params: PopupParams, start: PopupStart): JobControls {
  const [view, setView] = useState<PopupView>({ kind: 'starting' });
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const current = useRef<string | undefined>(undefined);
  const tabRef = useRef<number | undefined>(undefined);
  // Bumped on every tab switch or navigation: late answers for an earlier page are dropped.
  const epoch = useRef(0);
  // A selection (the context menu's) belongs to the page it was made on: not to the next one.
  const selection = useRef(params.selection);

  const run = useCallback(async (id: number, force: boolean, opts: { offline?: boolean; scope?: Scope } = {}) => {
    const mine = epoch.current;
    try {
      const job = await sendMessage('extract', {
        tabId: id,
        force,
        selection: selection.current,
        ...(opts.offline ? { offline: true } : {}),
        ...(opts.scope ? { scope: opts.scope } : {}),
      });
      if (mine !== epoch.current || tabRef.current !== id) return;
      current.current = job.id;
      setView({ kind: 'job', tabId: id, job });
    } catch (err) {
      if (mine !== epoch.current || tabRef.current !== id) return;
      setView({ kind: 'failed', tabId: id, error: toInfo(err) });
    }
  }, []);

  /** A followed tab: its finished or running job for the page it shows, else "New posting". */
  const show = useCallback(
    async (id: number) => {
      const mine = ++epoch.current;
      selection.current = false;
      tabRef.current = id;
      setTabId(id);
      const job = await readTabJob(id);
      if (mine !== epoch.current) return;
      if (job) {
        current.current = job.id;
        setView({ kind: 'job', tabId: id, job });
      } else {
        current.current = undefined;
        const auto = params.mode === 'panel' ? await autoExtractAllowed() : 'off';
        if (mine !== epoch.current) return;
        if (auto === 'yes') {
          setView({ kind: 'starting' });
          void run(id, false);
        } else setView({ kind: 'idle', tabId: id, consent: auto === 'ask' });
      }
      performance.mark(VIEW_SHOWN_MARK, { detail: { tabId: id } });
    },
    [params.mode, run],
  );

  useEffect(() => {
    // Progress: the worker writes each step of the job to storage.session.
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      const id = tabRef.current;
      if (area !== 'session' || id === undefined) return;
      const change = changes[jobKey(id)];
      const parsed = JobStateSchema.safeParse(change?.newValue);
      if (!parsed.success) return;
      const job = parsed.data;
      const running = job.status === 'capturing' || job.status === 'extracting';
      if (running || job.id === current.current) {
        current.current = job.id;
        setView({ kind: 'job', tabId: id, job });
      }
    };
    browser.storage.onChanged.addListener(onChanged);

    // A detached window and the side panel follow their tab's navigations.
    const onUpdated = (id: number, change: Tabs.OnUpdatedChangeInfoType) => {
      if (params.mode === 'popup' || id !== tabRef.current) return;
      if (change.status === 'loading' || change.url !== undefined) void onNavigated(id);
    };
    const onNavigated = async (id: number) => {
      const url = await tabUrl(id);
      const shown = current.current;
      const job = await readTabJob(id);
      // Still the page of the shown job (a reload, or a job started for this very page): keep it.
      if (job && job.id === shown && url !== undefined && url === job.url) return;
      void show(id);
    };
    // The side panel follows the active tab of its window.
    let windowId: number | undefined;
    const onActivated = (info: Tabs.OnActivatedActiveInfoType) => {
      if (params.mode === 'panel' && info.windowId === windowId && info.tabId !== tabRef.current) void show(info.tabId);
    };
    const onRemoved = (id: number) => {
      if (id === tabRef.current && params.mode === 'window')
        setView({
          kind: 'failed',
          tabId: id,
          error: {
            code: 'no_posting',
            message: 'The tab this window followed was closed. Open a job posting and click the extension there.',
          },
        });
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onRemoved.addListener(onRemoved);

    start.target.then(
      async (t) => {
        tabRef.current = t;
        setTabId(t);
        if (params.mode === 'panel') {
          windowId = await panelWindow(params).catch(() => undefined);
          void show(t);
          return;
        }
        void start.finished.then((job) => {
          if (job && current.current === undefined) {
            current.current = job.id;
            setView({ kind: 'job', tabId: t, job });
          }
        });
        const mine = epoch.current;
        start.reply?.then(
          (job) => {
            if (mine !== epoch.current) return;
            current.current = job.id;
            setView({ kind: 'job', tabId: t, job });
          },
          (err) => mine === epoch.current && setView({ kind: 'failed', tabId: t, error: toInfo(err) }),
        );
      },
      (err) => setView({ kind: 'failed', error: toInfo(err) }),
    );
    // Once per view: `start` holds the promises begun before the first render.
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per view: `start` holds the promises begun before the first render
  }, []);

  return {
    view,
    tabId,
    reextract: (opts) => {
      if (tabId === undefined) return;
      current.current = undefined;
      void run(tabId, true, { offline: opts?.offline ?? false });
    },
    extract: () => {
      if (tabId === undefined) return;
      current.current = undefined;
      setView({ kind: 'starting' });
      void run(tabId, false);
    },
    cancel: () => {
      if (tabId !== undefined) void sendMessage('cancel', { tabId }).catch(() => undefined);
    },
    agreeAutoExtract: () => {
      void import('../shared/panel-prefs').then(({ writePanelPrefs }) =>
        writePanelPrefs(browser.storage.local, { autoExtractModelAgreed: true }),
      );
      if (tabId === undefined) return;
      setView({ kind: 'starting' });
      void run(tabId, false);
    },
    rescope: (scope: Scope) => {
      if (tabId === undefined) return;
      current.current = undefined;
      void run(tabId, false, { scope });
    },
  };
}

async function tabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The tab's job when it belongs to the page the tab shows now: a running one, or a finished one
 * made for the tab's current URL. Without the URL (a host the extension may not read) nothing
 * proves a finished job is still the page's.
 */
async function readTabJob(tabId: number): Promise<JobState | undefined> {
  try {
    const [url, stored] = await Promise.all([tabUrl(tabId), browser.storage.session.get(jobKey(tabId))]);
    const parsed = JobStateSchema.safeParse(stored[jobKey(tabId)]);
    if (!parsed.success) return undefined;
    const job = parsed.data;
    if (job.status === 'capturing' || job.status === 'extracting') return job;
    return url !== undefined && job.url === url ? job : undefined;
  } catch {
    return undefined;
  }
}

/** 'yes': extract by itself; 'ask': the option is on but sending text to a model needs a yes first. */
async function autoExtractAllowed(): Promise<'yes' | 'ask' | 'off'> {
  try {
    const prefs = await readPanelPrefs(browser.storage.local);
    if (!prefs.autoExtract) return 'off';
    const settings = await sendMessage('get-settings', {});
    const usesModel = settings.provider === 'openai' || (settings.provider === 'auto' && settings.model.trim() !== '');
    return usesModel && !prefs.autoExtractModelAgreed ? 'ask' : 'yes';
  } catch {
    return 'off';
  }
}

/**
 * A reopened popup shows the tab's finished job straight from storage.session, while the worker
 * confirms it: one storage read instead of a round trip through the worker. A job still running is
 * shown too, with its Cancel: the worker's answer to "extract" only comes when it ends. Only when
 * the tab still shows the job's URL (readable with activeTab or host permission).
 */
async function readFinishedJob(
  tabId: number,
  selection: boolean,
  finishedOnly: boolean,
): Promise<JobState | undefined> {
  try {
    const [tab, stored] = await Promise.all([browser.tabs.get(tabId), browser.storage.session.get(jobKey(tabId))]);
    const parsed = JobStateSchema.safeParse(stored[jobKey(tabId)]);
    if (!parsed.success) return undefined;
    const job = parsed.data;
    return (!finishedOnly || job.status !== 'error') &&
      tab.url &&
      job.url === tab.url &&
      (job.selection ?? false) === selection
      ? job
      : undefined;
  } catch {
    return undefined; // the worker's answer follows anyway
  }
}

function toInfo(err: unknown): ErrorInfo {
  if (err instanceof MessageError) return err.info;
  return { code: 'unknown', message: err instanceof Error ? err.message : String(err) };
}
