// The settings messages. The worker is the only reader of the API key: pages get the settings
// without it (plus `hasKey`), may send a new key to save or test, and never get it back.
import browser from 'webextension-polyfill';
import { SettingsSchema, type Settings } from '../core/settings';
import type { ParsedRequestOf, ReplyOf } from '../shared/messages';
import { readSettings, toPublicSettings, writeSettings } from '../shared/storage';

export async function handleGetSettings(): Promise<ReplyOf<'get-settings'>> {
  return toPublicSettings(await readSettings(browser.storage.local));
}

/** Saved settings overlaid with a draft; the saved key is kept unless the draft carries one. */
export function applyDraft(saved: Settings, draft: ParsedRequestOf<'save-settings'>): { settings?: Settings; issues?: Record<string, string> } {
  const { apiKey: _ignored, hasKey: _hasKey, ...fields } = draft.settings as Record<string, unknown>;
  const candidate = { ...saved, ...fields, apiKey: draft.apiKey ?? saved.apiKey };
  const parsed = SettingsSchema.safeParse(candidate);
  if (parsed.success) return { settings: parsed.data };
  const issues: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'settings');
    issues[field] ??= issue.message;
  }
  return { issues };
}

export async function handleSaveSettings(req: ParsedRequestOf<'save-settings'>): Promise<ReplyOf<'save-settings'>> {
  const saved = await readSettings(browser.storage.local);
  const { settings, issues } = applyDraft(saved, req);
  if (!settings) return { ok: false, issues };
  await writeSettings(browser.storage.local, settings);
  return { ok: true, settings: toPublicSettings(settings) };
}
