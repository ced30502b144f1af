// The "extract-text" message (engineer K, candidate mode): entities from text a page hands over
// (a pasted résumé), through the same pipeline and settings as postings. It lives in the worker
// because only the worker may hold the API key; nothing is cached (a résumé is not a posting).
import browser from 'webextension-polyfill';
import { extractPosting } from '../core/extract';
import { resolveProvider } from '../core/settings';
import type { ParsedRequestOf, ReplyOf } from '../shared/messages';
import { readSettings } from '../shared/storage';
import { ensureHostPermission } from './host-permission';

export async function handleExtractText(req: ParsedRequestOf<'extract-text'>): Promise<ReplyOf<'extract-text'>> {
  const settings = await readSettings(browser.storage.local);
  if (resolveProvider(settings) === 'openai') await ensureHostPermission(settings.baseURL);
  // One ceiling over every retry, well inside what an MV3 worker tolerates.
  const ceiling = Math.min(settings.timeoutMs * (settings.maxRetries + 1) + 5_000, 240_000);
  return extractPosting({ text: req.text, title: req.title ?? '', source: 'input' }, settings, AbortSignal.timeout(ceiling));
}
