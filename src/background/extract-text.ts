// The "extract-text" message (candidate mode): entities from text a page hands over
// (a pasted résumé), through the same pipeline and settings as postings. It lives in the worker
// because only the worker may hold the API key; nothing is cached (a résumé is not a posting).
import browser from 'webextension-polyfill';
import { extractPosting } from '../core/extract';
import { resolveProvider } from '../core/settings';
import type { ParsedRequestOf, ReplyOf } from '../shared/messages';
import { readSettingsForRequest } from '../shared/storage';
import { ensureHostPermission } from './host-permission';
import { jobSignal, withWorkerLimits } from './worker-limits';

export async function handleExtractText(req: ParsedRequestOf<'extract-text'>): Promise<ReplyOf<'extract-text'>> {
  // The same worker limits as "extract": each request under Chrome's 30 s fetch limit, one ceiling over every retry.
  const settings = withWorkerLimits(await readSettingsForRequest(browser.storage.local));
  if (resolveProvider(settings) === 'openai') await ensureHostPermission(settings.baseURL);
  // A résumé's sections (skills, experience, education, projects) are all about the candidate: read it whole.
  return extractPosting(
    { text: req.text, title: req.title ?? '', source: 'input' },
    { ...settings, scope: 'whole' },
    jobSignal(undefined, settings),
  );
}
