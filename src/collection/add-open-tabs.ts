// "Add all open job tabs" as a use case: every open web page the extension may read goes through
// the worker's usual extract path (its cache and settings), at most MAX_PARALLEL at a time, and
// each one that holds a posting is saved to the collection. Tabs on sites the user has not allowed
// hide their address from the extension: they are counted and skipped (open-tabs.ts), and access to
// all sites is an optional permission the user can grant.
import browser from 'webextension-polyfill';
import { SETTINGS_ERROR_CODES } from '../core/errors';
import { errorMessage, pluralize } from '../core/text';
import { savePosting, toSavedPosting } from '../shared/collection-store';
import { sendMessage } from '../shared/messages';
import type { NoticeState } from '../shared/Notice';
import { jobTabCandidates } from './open-tabs';

export const MAX_PARALLEL = 4;
const ALL_SITES = ['https://*/*', 'http://*/*'];

export interface TabRun {
  /** Set by Cancel: no further tab is started. */
  cancelled: boolean;
  /** The tabs being read now, which Cancel also cancels in the worker. */
  inFlight: Set<number>;
  onProgress: (done: number, total: number) => void;
}

interface Outcome {
  saved: number;
  updated: number;
  notPostings: number;
  failed: number;
  firstFailure?: string;
  cancelled: boolean;
  /** A settings problem stops the run: every other tab would fail the same way. */
  stoppedBy?: string;
}

/** The open tabs to read, how many hide their address, and whether asking for all sites could reveal them. */
export async function findJobTabs(): Promise<{ tabIds: number[]; hidden: number; askable: boolean }> {
  const { readable, hidden } = jobTabCandidates(await browser.tabs.query({}), browser.runtime.getURL(''));
  // With access to every site already granted, what stays hidden is browser pages: nothing to ask.
  const allSites = await browser.permissions.contains({ origins: ALL_SITES }).catch(() => false);
  return { tabIds: readable.map((t) => t.id!), hidden, askable: !allSites && hidden > 0 };
}

/** Asked in the click itself: the browser shows its prompt only on a user gesture. */
export function requestAllSites(): Promise<boolean> {
  return browser.permissions.request({ origins: ALL_SITES }).catch(() => false);
}

export const ALL_SITES_REFUSED: NoticeState = {
  kind: 'error',
  text: 'The browser did not grant access to other sites: only the tabs already allowed were read.',
};

export function cancelTabs(run: TabRun): void {
  run.cancelled = true;
  for (const tabId of run.inFlight) void sendMessage('cancel', { tabId }).catch(() => undefined);
}

/** Reads one tab through the worker and saves what it found, counting the result in `outcome`. */
async function addTab(tabId: number, outcome: Outcome): Promise<void> {
  try {
    const job = await sendMessage('extract', { tabId });
    if (job.status === 'done' && job.posting && job.result) {
      const how = await savePosting(browser.storage.local, toSavedPosting(job.posting, job.result));
      outcome[how === 'updated' ? 'updated' : 'saved']++;
    } else if (job.error?.code === 'no_posting') outcome.notPostings++;
    else if (job.error?.code === 'cancelled') outcome.cancelled = true;
    else if (job.error && SETTINGS_ERROR_CODES.has(job.error.code)) outcome.stoppedBy = job.error.message;
    else {
      outcome.failed++;
      outcome.firstFailure ??= job.error?.message;
    }
  } catch (err) {
    outcome.failed++;
    outcome.firstFailure ??= errorMessage(err);
  }
}

/** Reads the tabs, MAX_PARALLEL at a time, until all are read, the run is cancelled or settings stop it. */
async function addTabs(tabIds: number[], run: TabRun): Promise<Outcome> {
  const outcome: Outcome = { saved: 0, updated: 0, notPostings: 0, failed: 0, cancelled: false };
  const queue = [...tabIds];
  let done = 0;
  run.onProgress(done, tabIds.length);
  const worker = async () => {
    for (
      let tabId = queue.shift();
      tabId !== undefined && !run.cancelled && !outcome.stoppedBy;
      tabId = queue.shift()
    ) {
      run.inFlight.add(tabId);
      await addTab(tabId, outcome);
      run.inFlight.delete(tabId);
      run.onProgress(++done, tabIds.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_PARALLEL, tabIds.length) }, worker));
  outcome.cancelled ||= run.cancelled;
  return outcome;
}

function summary(o: Outcome, total: number): string {
  const parts: string[] = [];
  parts.push(`${o.saved} added`);
  if (o.updated) parts.push(`${o.updated} updated`);
  if (o.notPostings) parts.push(`${o.notPostings} not a posting`);
  if (o.failed) parts.push(`${o.failed} failed${o.firstFailure ? ` (${o.firstFailure})` : ''}`);
  const head = o.stoppedBy
    ? `Stopped: ${o.stoppedBy}`
    : o.cancelled
      ? `Cancelled after ${o.saved + o.updated + o.notPostings + o.failed} of ${total} tabs.`
      : `Read ${pluralize(total, 'open tab')}.`;
  return `${head} ${parts.join(', ')}.`;
}

function skippedNote(hidden: number): string {
  if (!hidden) return '';
  return ` ${pluralize(hidden, 'tab')} skipped: the extension may not read ${hidden === 1 ? 'it' : 'them'} (a site you have not allowed, or a browser page).`;
}

/** The whole run: which tabs, reading them, and the notice that sums it up. */
export async function addOpenTabs(tabIds: number[], hidden: number, run: TabRun): Promise<NoticeState> {
  if (tabIds.length === 0) return { kind: 'error', text: `No open tab the extension may read.${skippedNote(hidden)}` };
  const outcome = await addTabs(tabIds, run);
  return {
    kind: outcome.stoppedBy || (outcome.failed && !outcome.saved && !outcome.updated) ? 'error' : 'ok',
    text: summary(outcome, tabIds.length) + skippedNote(hidden),
  };
}
