// The "highlight" message: runs the highlight script in the tab (injected on the user's toggle,
// with the activeTab grant of the toolbar click or a host the user granted) and inserts or
// removes its ::highlight() stylesheet. The script's answer is validated here.
import browser from 'webextension-polyfill';
import { ExtractionError } from '../core/errors';
import { errorMessage, firstLine } from '../core/text';
import {
  HIGHLIGHT_CSS,
  HIGHLIGHT_GLOBAL,
  HIGHLIGHT_SCRIPT_FILE,
  HighlightReportSchema,
  type HighlightCommand,
  type HighlightReport,
} from '../shared/highlight-contract';
import type { ParsedRequestOf } from '../shared/messages';
import { browserAreas } from '../shared/browser-areas';
import { highlightItems } from '../shared/storage-items';

export async function handleHighlight(req: ParsedRequestOf<'highlight'>): Promise<HighlightReport> {
  const { tabId, command } = req;
  try {
    if (command.op === 'on') await browser.scripting.insertCSS({ target: { tabId }, css: HIGHLIGHT_CSS });
    await browser.scripting.executeScript({ target: { tabId }, files: [HIGHLIGHT_SCRIPT_FILE] });
    const results = await browser.scripting.executeScript({
      target: { tabId },
      func: (name: string, cmd: unknown) =>
        (globalThis as unknown as Record<string, (c: unknown) => unknown>)[name](cmd),
      args: [HIGHLIGHT_GLOBAL, command as HighlightCommand],
    });
    const report = HighlightReportSchema.safeParse(results[0]?.result);
    if (!report.success)
      throw new ExtractionError(
        'no_posting',
        'The page gave no answer to the highlight. Reload the page and try again.',
      );
    if (command.op === 'off')
      await browser.scripting.removeCSS({ target: { tabId }, css: HIGHLIGHT_CSS }).catch(() => undefined);
    if (command.op === 'on' || command.op === 'off') {
      if (report.data.on) await highlightItems.of(tabId).set(browserAreas, true);
      else await highlightItems.of(tabId).remove(browserAreas);
    }
    return report.data;
  } catch (err) {
    if (err instanceof ExtractionError) throw err;
    const msg = errorMessage(err);
    throw new ExtractionError(
      'no_posting',
      /cannot access|cannot be scripted|Missing host permission|No tab/i.test(msg)
        ? 'The extension may not read this page now. Click the Job Entities button in the toolbar on the page, then turn the highlight on again.'
        : `The page could not be highlighted (${firstLine(msg)}). Reload the page and try again.`,
      { cause: err },
    );
  }
}
