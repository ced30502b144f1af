// Capture in the live page: the core's capturePosting on `document`, the selection first when
// asked for. Returns a Posting or an ErrorInfo (a thrown error would reach the worker as a string).
import { capturePosting } from '../core/capture/index';
import { toErrorInfo } from '../core/errors';
import type { CaptureOutcome } from '../shared/capture-contract';
import { visibleClone } from './visible-clone';

/** `selection`: the text the context menu saw; else, when `useSelection`, the page's live selection. */
export function captureCurrentPage(selection: string | null, useSelection: boolean): CaptureOutcome {
  try {
    const live = useSelection ? (globalThis.getSelection?.()?.toString() ?? '') : '';
    const sel = (useSelection ? selection || live : '').trim();
    // What the user sees, not what the page hides (see visible-clone.ts).
    const posting = capturePosting(visibleClone(document), { url: location.href, ...(sel ? { selection: sel } : {}) });
    return { ok: true, posting };
  } catch (err) {
    return { ok: false, error: toErrorInfo(err) };
  }
}
