// The "test-connection" message: a tiny request to the model with the options page's draft.
import browser from 'webextension-polyfill';
import { toErrorInfo } from '../core/errors';
import { testConnection } from '../core/extract';
import { resolveProvider } from '../core/settings';
import type { ParsedRequestOf, ReplyOf } from '../shared/messages';
import { hostOf } from '../shared/server-origin';
import { readSettings } from '../shared/storage';
import { ensureHostPermission } from './host-permission';
import { applyDraft } from './settings';
import { withWorkerLimits } from './worker-limits';

export async function handleTestConnection(
  req: ParsedRequestOf<'test-connection'>,
): Promise<ReplyOf<'test-connection'>> {
  // A draft pointed at another server than the saved one goes without the saved key (see applyDraft).
  const { settings, issues, withheldKeyFor } = applyDraft(await readSettings(browser.storage.local), req);
  if (!settings) return { ok: false, message: 'Fix the highlighted fields first.', issues };
  if (resolveProvider(settings) === 'local') {
    return {
      ok: true,
      message:
        'No model is set: the embedded offline extractor answers, no connection needed. Set a model id to test your fine-tuned model.',
    };
  }
  try {
    await ensureHostPermission(settings.baseURL);
    const limited = withWorkerLimits(settings);
    const ok = await testConnection(limited, AbortSignal.timeout(limited.timeoutMs));
    return { ok: true, message: `Connected: ${ok.model} answered at ${settings.baseURL} (${ok.mode} mode).` };
  } catch (err) {
    const info = toErrorInfo(err);
    if (withheldKeyFor && info.code === 'invalid_key') {
      const host = hostOf(settings.baseURL);
      return {
        ok: false,
        message: `${host} asks for an API key (401) and none was sent: the saved key was for ${withheldKeyFor} and only goes to that server. Enter the key for ${host} and test again.`,
      };
    }
    return { ok: false, message: info.message };
  }
}
