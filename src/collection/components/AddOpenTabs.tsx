// "Add all open job tabs": every open web page the extension may read goes through the worker's
// usual extract path (its cache and settings), at most MAX_PARALLEL at a time, and each one that
// holds a posting is saved to the collection. Progress shows as it runs and Cancel stops it (the
// tabs in flight are cancelled in the worker too). Tabs on sites the user has not allowed hide their
// address from the extension: they are counted and skipped, and one click asks the browser for
// access to all sites (an optional permission) and runs again.
import { useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { SETTINGS_ERROR_CODES } from '../../core/errors';
import { savePosting, toSavedPosting } from '../../shared/collection-store';
import { MessageError, sendMessage } from '../../shared/messages';
import { jobTabCandidates } from '../open-tabs';
import type { NoticeState } from '../../shared/Notice';

export const MAX_PARALLEL = 4;
const ALL_SITES = ['https://*/*', 'http://*/*'];

interface Progress {
  done: number;
  total: number;
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
      : `Read ${total} open tab${total === 1 ? '' : 's'}.`;
  return `${head} ${parts.join(', ')}.`;
}

export function AddOpenTabs({ onNotice }: { onNotice: (n: NoticeState) => void }) {
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [hidden, setHidden] = useState(0);
  const cancelled = useRef(false);
  const inFlight = useRef(new Set<number>());

  const run = async () => {
    const { readable, hidden: unreadable } = jobTabCandidates(await browser.tabs.query({}), browser.runtime.getURL(''));
    // With access to every site already granted, what stays hidden is browser pages: nothing to ask.
    const allSites = await browser.permissions.contains({ origins: ALL_SITES }).catch(() => false);
    setHidden(allSites ? 0 : unreadable);
    const skippedNote = unreadable
      ? ` ${unreadable} tab${unreadable === 1 ? '' : 's'} skipped: the extension may not read ${unreadable === 1 ? 'it' : 'them'} (a site you have not allowed, or a browser page).`
      : '';
    if (readable.length === 0) {
      onNotice({ kind: 'error', text: `No open tab the extension may read.${skippedNote}` });
      return;
    }
    cancelled.current = false;
    const outcome: Outcome = { saved: 0, updated: 0, notPostings: 0, failed: 0, cancelled: false };
    let done = 0;
    setProgress({ done, total: readable.length });
    const queue = [...readable];
    const worker = async () => {
      for (let tab = queue.shift(); tab && !cancelled.current && !outcome.stoppedBy; tab = queue.shift()) {
        const tabId = tab.id!;
        inFlight.current.add(tabId);
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
          outcome.firstFailure ??= err instanceof MessageError ? err.info.message : String(err);
        } finally {
          inFlight.current.delete(tabId);
          setProgress({ done: ++done, total: readable.length });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAX_PARALLEL, readable.length) }, worker));
    outcome.cancelled ||= cancelled.current;
    setProgress(undefined);
    onNotice({
      kind: outcome.stoppedBy || (outcome.failed && !outcome.saved && !outcome.updated) ? 'error' : 'ok',
      text: summary(outcome, readable.length) + skippedNote,
    });
  };

  const cancel = () => {
    cancelled.current = true;
    for (const tabId of inFlight.current) void sendMessage('cancel', { tabId }).catch(() => undefined);
  };

  const allowAndRun = async () => {
    // Asked first, in the click itself: the browser shows its prompt only on a user gesture.
    const granted = await browser.permissions.request({ origins: ALL_SITES }).catch(() => false);
    if (!granted) {
      onNotice({
        kind: 'error',
        text: 'The browser did not grant access to other sites: only the tabs already allowed were read.',
      });
      return;
    }
    await run();
  };

  return (
    <section class="add-tabs row" aria-label="Add open tabs">
      <button
        type="button"
        class="button"
        data-testid="add-open-tabs"
        disabled={progress !== undefined}
        onClick={() => void run()}
      >
        Add all open job tabs
      </button>
      {progress && (
        <>
          <progress data-testid="add-tabs-progress" max={progress.total} value={progress.done} aria-label="Tabs read" />
          <span class="status" data-testid="add-tabs-count">
            {progress.done} of {progress.total} tabs
          </span>
          <button type="button" class="button" data-testid="add-tabs-cancel" onClick={cancel}>
            Cancel
          </button>
        </>
      )}
      {!progress && hidden > 0 && (
        <button type="button" class="link" data-testid="add-tabs-allow" onClick={() => void allowAndRun()}>
          Allow reading all sites and add the {hidden} skipped tab{hidden === 1 ? '' : 's'}
        </button>
      )}
    </section>
  );
}
