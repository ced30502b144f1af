// The settings messages. The worker is the only reader of the API key: pages get the settings
// without it (plus `hasKey`), may send a new key to save or test, and never get it back. The saved
// key is only ever used with the server (origin) it was saved for.
import browser from 'webextension-polyfill';
import { bindKey, SettingsSchema, type Settings } from '../core/settings';
import type { ParsedRequestOf, ReplyOf } from '../shared/messages';
import { hostOf, isOtherServer } from '../shared/server-origin';
import { browserAreas } from '../shared/browser-areas';
import { dropStaleFinishedJobs, readStoredSettings, toPublicSettings } from '../shared/storage';
import { settingsItem } from '../shared/storage-items';
import { settingsKey } from './extract';

export async function handleGetSettings(): Promise<ReplyOf<'get-settings'>> {
  const loaded = await readStoredSettings(browser.storage.local);
  return toPublicSettings(loaded.settings, loaded);
}

export interface AppliedDraft {
  settings?: Settings;
  issues?: Record<string, string>;
  /** Set when the saved key was left out because the draft points at another server: that key's host. */
  withheldKeyFor?: string;
}

/**
 * Saved settings overlaid with a draft. The key belongs to the server it was saved for: a draft
 * without a key keeps the saved key only while its base URL stays on the saved base URL's origin
 * (scheme, host, port); pointed at another server it gets no key, so neither a test nor a save sends
 * the old key there. A draft's key replaces the saved one; '' removes it.
 */
export function applyDraft(saved: Settings, draft: ParsedRequestOf<'save-settings'>): AppliedDraft {
  const {
    apiKey: _ignored,
    hasKey: _hasKey,
    keyOrigin: _origin,
    reset: _reset,
    keyWithheld: _withheld,
    ...fields
  } = draft.settings as Record<string, unknown>;
  const candidate = { ...saved, ...fields, apiKey: draft.apiKey ?? saved.apiKey };
  const parsed = SettingsSchema.safeParse(candidate);
  if (parsed.success) {
    if (draft.apiKey === undefined && saved.apiKey && isOtherServer(saved.baseURL, parsed.data.baseURL)) {
      return { settings: bindKey({ ...parsed.data, apiKey: '' }), withheldKeyFor: hostOf(saved.baseURL) };
    }
    return { settings: bindKey(parsed.data) };
  }
  const issues: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'settings');
    issues[field] ??= issue.message;
  }
  return { issues };
}

export async function handleSaveSettings(req: ParsedRequestOf<'save-settings'>): Promise<ReplyOf<'save-settings'>> {
  let applied: AppliedDraft = {};
  // Under the settings' lock: two saves at once never lose one's change (nor its key).
  await settingsItem.update(browserAreas, (saved) => {
    applied = applyDraft(saved.settings, req);
    return applied.settings ? { settings: applied.settings, reset: [], keyWithheld: false } : saved;
  });
  const { settings, issues } = applied;
  if (!settings) return { ok: false, issues };
  await dropStaleFinishedJobs(browser.storage.session, await settingsKey(settings));
  return { ok: true, settings: toPublicSettings(settings) };
}
