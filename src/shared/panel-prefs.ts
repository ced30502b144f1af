// The side panel's preferences, in storage.local apart from the model settings (they change no
// answer, so they stay out of the settings' cache key): what the toolbar button opens, and whether
// the side panel extracts a job page by itself when it opens (off by default; with a model
// configured, the panel asks once, because that sends each page's text to the server).
import type { StorageAreaLike } from './storage-item';
import { panelPrefsItem } from './storage-items';
import type { PanelPrefs } from './stored-schemas';

export { PanelPrefsSchema, type PanelPrefs } from './stored-schemas';
export const PANEL_PREFS_KEY = panelPrefsItem.key;

export async function readPanelPrefs(area: StorageAreaLike): Promise<PanelPrefs> {
  return (await panelPrefsItem.read({ local: area })).value;
}

export async function writePanelPrefs(area: StorageAreaLike, patch: Partial<PanelPrefs>): Promise<PanelPrefs> {
  return panelPrefsItem.update({ local: area }, (prefs) => ({ ...prefs, ...patch }));
}
