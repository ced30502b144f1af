// The view's job: the extraction of its tab. The toolbar popup starts (or rejoins) it before the
// first render (beginExtraction); a detached window and the side panel follow their tab: a tab
// switch (panel) shows that tab's job straight from storage.session, and a navigation to another
// page shows "New posting — Extract" (or extracts by itself when the user turned that on). The
// worker's progress arrives through storage.session. The steps themselves are in job-steps.ts.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Scope } from '../core/sections';
import { sendMessage } from '../shared/messages';
import { joinStart, listenToTabs, runExtraction, type JobContext, type PopupStart, type PopupView } from './job-steps';
import { readFinishedJob } from './tab-job';
import { resolveTargetTab, type PopupParams } from './target-tab';

export { VIEW_SHOWN_MARK, type PopupStart, type PopupView } from './job-steps';

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
  const [ctx] = useState<JobContext>(() => ({ params, setView, setTabId, epoch: 0, selection: params.selection }));

  useEffect(() => {
    void joinStart(ctx, start);
    const stopListening = listenToTabs(ctx);
    return () => {
      stopListening();
      ctx.watch?.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per view: `start` holds the promises begun before the first render
  }, []);

  return { view, tabId, ...jobCommands(ctx, tabId) };
}

/** What the view's buttons do with its tab's job. */
function jobCommands(ctx: JobContext, tabId: number | undefined): Omit<JobControls, 'view' | 'tabId'> {
  const extractAfresh = (force: boolean, opts?: { offline?: boolean; scope?: Scope }) => {
    if (tabId === undefined) return;
    ctx.jobId = undefined;
    void runExtraction(ctx, tabId, force, opts);
  };
  const extractShowingProgress = () => {
    if (tabId === undefined) return;
    ctx.setView({ kind: 'starting' });
    void runExtraction(ctx, tabId, false);
  };
  return {
    reextract: (opts) => extractAfresh(true, { offline: opts?.offline ?? false }),
    extract: () => {
      if (tabId !== undefined) ctx.jobId = undefined;
      extractShowingProgress();
    },
    cancel: () => {
      if (tabId !== undefined) void sendMessage('cancel', { tabId }).catch(() => undefined);
    },
    agreeAutoExtract: () => {
      void import('../shared/panel-prefs').then(({ writePanelPrefs }) =>
        writePanelPrefs(browser.storage.local, { autoExtractModelAgreed: true }),
      );
      extractShowingProgress();
    },
    rescope: (scope) => extractAfresh(false, { scope }),
  };
}
