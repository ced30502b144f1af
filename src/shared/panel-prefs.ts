// The side panel's preferences, in storage.local apart from the model settings (they change no
// answer, so they stay out of the settings' cache key): what the toolbar button opens, and whether
// the side panel extracts a job page by itself when it opens (off by default; with a model
// configured, the panel asks once, because that sends each page's text to the server).
import { z } from 'zod';
import type { StorageAreaLike } from './storage';

export const PANEL_PREFS_KEY = 'panelPrefs';

export const PanelPrefsSchema = z.object({
  /** The toolbar button opens the side panel instead of the popup. */
  toolbarOpensPanel: z.boolean().catch(false).default(false),
  /** "Extract automatically when a job page opens" in the side panel. */
  autoExtract: z.boolean().catch(false).default(false),
  /** The user agreed that automatic extraction sends page text to the configured model server. */
  autoExtractModelAgreed: z.boolean().catch(false).default(false),
});
export type PanelPrefs = z.infer<typeof PanelPrefsSchema>;

export async function readPanelPrefs(area: StorageAreaLike): Promise<PanelPrefs> {
  const got = await area.get(PANEL_PREFS_KEY);
  const raw = got[PANEL_PREFS_KEY];
  const parsed = PanelPrefsSchema.safeParse(raw && typeof raw === 'object' ? raw : {});
  return parsed.success ? parsed.data : PanelPrefsSchema.parse({});
}

export async function writePanelPrefs(area: StorageAreaLike, patch: Partial<PanelPrefs>): Promise<PanelPrefs> {
  const next = { ...(await readPanelPrefs(area)), ...patch };
  await area.set({ [PANEL_PREFS_KEY]: next });
  return next;
}
