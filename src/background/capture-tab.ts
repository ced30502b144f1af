// Runs the capture script in the target tab (injected on demand: no content script on every page).
import browser from 'webextension-polyfill';
import { ExtractionError } from '../core/errors';
import { PostingSchema, type Posting } from '../core/posting';
import { CAPTURE_GLOBAL, CAPTURE_SCRIPT_FILE, CaptureOutcomeSchema } from '../shared/capture-contract';
import { errorMessage, firstLine } from '../core/text';

export async function captureTab(
  tabId: number,
  selection: string | undefined,
  useSelection: boolean,
): Promise<Posting> {
  let injected;
  try {
    injected = await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT_FILE] });
  } catch (err) {
    throw cannotReadPage(err);
  }
  // Firefox does not throw on its privileged pages (about:preferences, about:addons, reader view):
  // it answers [null] where Chrome gives one {result} per frame or refuses with an error.
  if (isPrivilegedAnswer(injected)) throw cannotReadPage(new Error('cannot be scripted (a privileged page)'));
  let results;
  try {
    results = await browser.scripting.executeScript({
      target: { tabId },
      // Runs in the page's isolated world, where the capture script left its function.
      func: (name: string, sel: string | null, useSel: boolean) =>
        (globalThis as unknown as Record<string, (s: string | null, u: boolean) => unknown>)[name](sel, useSel),
      args: [CAPTURE_GLOBAL, selection ?? null, useSelection],
    });
  } catch (err) {
    throw cannotReadPage(err);
  }
  if (isPrivilegedAnswer(results)) throw cannotReadPage(new Error('cannot be scripted (a privileged page)'));
  const outcome = CaptureOutcomeSchema.safeParse(results[0]?.result);
  if (!outcome.success)
    throw new ExtractionError(
      'no_posting',
      'The page could not be read (the capture script gave no answer). Reload the page and try again.',
    );
  if (!outcome.data.ok) throw new ExtractionError(outcome.data.error.code, outcome.data.error.message);
  return PostingSchema.parse(outcome.data.posting);
}

function isPrivilegedAnswer(results: unknown[] | undefined): boolean {
  return !Array.isArray(results) || results.length === 0 || results[0] === null || results[0] === undefined;
}

function cannotReadPage(err: unknown): ExtractionError {
  const msg = errorMessage(err);
  if (/No tab with id/i.test(msg))
    return new ExtractionError('no_posting', 'The tab is gone. Open the job posting again and click the extension.');
  if (/cannot access|cannot be scripted|chrome:\/\/|extensions gallery|Missing host permission/i.test(msg)) {
    return new ExtractionError(
      'no_posting',
      'The extension cannot read this page (browser pages, add-on stores, or a page it was not invoked on). Open a job posting and click the toolbar button or press Alt+Shift+E there.',
      { cause: err },
    );
  }
  return new ExtractionError(
    'no_posting',
    `The page could not be read: ${firstLine(msg)}. Reload the page and try again.`,
    { cause: err },
  );
}
