// The service worker entry: registers listeners at the top level and nothing else. MV3 may stop
// this worker at any time; the handlers keep their state in storage (see src/shared/storage.ts).
import browser from 'webextension-polyfill';
import { registerHandlers, type HandlerMap } from '../shared/messages';
import { markOrphanedJobs, removeJob } from '../shared/storage';
import { browserAreas } from '../shared/browser-areas';
import { panelPrefsItem } from '../shared/storage-items';
import { handleCancel } from './cancel';
import { createContextMenu, onContextMenuClick } from './context-menu';
import { handleExtract } from './extract';
import { handleOpenOptions } from './open-options';
import { handleGetSettings, handleSaveSettings } from './settings';
import { handleTestConnection } from './test-connection';
import { handleGetJob } from './get-job';
import { handleExtractText } from './extract-text';
import { onInstalled } from './on-installed';
import { handleHighlight } from './highlight';
import { applyToolbarChoice, forgetHighlightOnNavigation } from './side-panel';

const handlers: HandlerMap = {
  extract: handleExtract,
  'get-job': handleGetJob,
  cancel: handleCancel,
  'get-settings': handleGetSettings,
  'save-settings': handleSaveSettings,
  'test-connection': handleTestConnection,
  'open-options': handleOpenOptions,
  'extract-text': handleExtractText,
  highlight: handleHighlight,
};

registerHandlers(handlers);
restrictLocalStorage();
// A job a stopped worker left running never finishes: say so (this runs before any new job starts).
void markOrphanedJobs(browser.storage.session).catch(() => undefined);
browser.runtime.onInstalled.addListener(createContextMenu);
// Settings are migrated (and written back) when the extension is installed or updated.
browser.runtime.onInstalled.addListener((details) => void onInstalled(details));
browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClick(info, tab));
browser.tabs.onRemoved.addListener((tabId) => void removeJob(browser.storage.session, tabId));
// A navigation takes the page's highlights with it.
browser.tabs.onUpdated.addListener((tabId, change) => void forgetHighlightOnNavigation(tabId, change));
// The toolbar button opens the popup, or the side panel when the user chose so in the options.
void applyToolbarChoice();
// For the worker's whole life: a signal that never aborts.
panelPrefsItem.watch(browserAreas, () => void applyToolbarChoice(), new AbortController().signal);

/**
 * storage.local holds the API key: only the extension's own pages and worker may read it, not the
 * capture script injected into web pages (whose world a hostile page can reach through bugs).
 * Session storage is trusted-only by default. Feature-detected: older browsers lack setAccessLevel.
 */
function restrictLocalStorage(): void {
  const local = (
    globalThis as {
      chrome?: { storage?: { local?: { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } } };
    }
  ).chrome?.storage?.local;
  const target = local?.setAccessLevel
    ? local
    : (browser.storage.local as unknown as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> });
  target.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch?.(() => undefined);
}
