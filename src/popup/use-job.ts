// The popup's view of its tab's job: the extraction is started (or rejoined) by beginExtraction
// before the first render; the hook follows the worker's progress through storage.session and
// exposes cancel and re-extract.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser, { type Storage } from 'webextension-polyfill';
import type { ErrorInfo } from '../core/errors';
import type { Scope } from '../core/sections';
import { JobStateSchema, MessageError, sendMessage, type JobState } from '../shared/messages';
import { jobKey } from '../shared/storage';
import { resolveTargetTab, type PopupParams } from './target-tab';

export type PopupView =
  | { kind: 'starting' }
  | { kind: 'job'; tabId: number; job: JobState }
  | { kind: 'failed'; tabId?: number; error: ErrorInfo };

/** What the popup asks for before Preact renders anything: the first paint then has less to wait for. */
export interface PopupStart {
  target: Promise<number>;
  /** The worker's answer to the first "extract". */
  reply: Promise<JobState>;
  /** The tab's finished job read straight from storage.session (undefined when there is none). */
  finished: Promise<JobState | undefined>;
}

export function beginExtraction(params: PopupParams): PopupStart {
  const target = resolveTargetTab(params);
  const reply = target.then((tabId) => sendMessage('extract', { tabId, force: false, selection: params.selection }));
  const finished = target.then((tabId) => readFinishedJob(tabId, params.selection));
  // Handled by the hook; keep unhandled-rejection noise out of the console meanwhile.
  reply.catch(() => undefined);
  target.catch(() => undefined);
  return { target, reply, finished };
}

export function useJob(
  params: PopupParams,
  start: PopupStart,
): { view: PopupView; tabId?: number; reextract: () => void; cancel: () => void; rescope: (scope: Scope) => void } {
  const [view, setView] = useState<PopupView>({ kind: 'starting' });
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const current = useRef<string | undefined>(undefined);

  const run = useCallback(
    async (id: number, force: boolean, scope?: Scope) => {
      try {
        const job = await sendMessage('extract', { tabId: id, force, selection: params.selection, ...(scope ? { scope } : {}) });
        current.current = job.id;
        setView({ kind: 'job', tabId: id, job });
      } catch (err) {
        setView({ kind: 'failed', tabId: id, error: toInfo(err) });
      }
    },
    [params.selection],
  );

  useEffect(() => {
    let id: number | undefined;
    // Progress: the worker writes each step of the job to storage.session.
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
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
    start.target.then(
      (t) => {
        id = t;
        setTabId(t);
        void start.finished.then((job) => {
          if (job && current.current === undefined) {
            current.current = job.id;
            setView({ kind: 'job', tabId: t, job });
          }
        });
        start.reply.then(
          (job) => {
            current.current = job.id;
            setView({ kind: 'job', tabId: t, job });
          },
          (err) => setView({ kind: 'failed', tabId: t, error: toInfo(err) }),
        );
      },
      (err) => setView({ kind: 'failed', error: toInfo(err) }),
    );
    return () => browser.storage.onChanged.removeListener(onChanged);
    // Once per popup: `start` holds the promises begun before the first render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, []);

  return {
    view,
    tabId,
    reextract: () => {
      if (tabId === undefined) return;
      current.current = undefined;
      void run(tabId, true);
    },
    cancel: () => {
      if (tabId !== undefined) void sendMessage('cancel', { tabId }).catch(() => undefined);
    },
    /** Extract this posting again reading another part of it (cached apart, so switching back is instant). */
    rescope: (scope: Scope) => {
      if (tabId === undefined) return;
      current.current = undefined;
      void run(tabId, false, scope);
    },
  };
}

/**
 * A reopened popup shows the tab's finished job straight from storage.session, while the worker
 * confirms it: one storage read instead of a round trip through the worker. A job still running is
 * shown too, with its Cancel: the worker's answer to "extract" only comes when it ends. Only when
 * the tab still shows the job's URL (readable with activeTab or host permission).
 */
async function readFinishedJob(tabId: number, selection: boolean): Promise<JobState | undefined> {
  try {
    const [tab, stored] = await Promise.all([browser.tabs.get(tabId), browser.storage.session.get(jobKey(tabId))]);
    const parsed = JobStateSchema.safeParse(stored[jobKey(tabId)]);
    if (!parsed.success) return undefined;
    const job = parsed.data;
    return job.status !== 'error' && tab.url && job.url === tab.url && (job.selection ?? false) === selection ? job : undefined;
  } catch {
    return undefined; // the worker's answer follows anyway
  }
}

function toInfo(err: unknown): ErrorInfo {
  if (err instanceof MessageError) return err.info;
  return { code: 'unknown', message: err instanceof Error ? err.message : String(err) };
}
