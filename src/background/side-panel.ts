/// <reference types="chrome" />
// The side panel's worker side: the toolbar button opens the popup or, when the user chose so,
// the side panel (chrome.sidePanel.setPanelBehavior; the popup is unset so the click reaches it).
// Browsers without chrome.sidePanel keep the popup.
import browser, { type Tabs } from 'webextension-polyfill';
import { readPanelPrefs } from '../shared/panel-prefs';
import { browserAreas } from '../shared/browser-areas';
import { highlightItems } from '../shared/storage-items';

export const POPUP_PAGE = 'src/popup/popup.html';

export async function applyToolbarChoice(): Promise<void> {
  const panel = (globalThis as { chrome?: typeof chrome }).chrome?.sidePanel;
  if (!panel?.setPanelBehavior) return;
  try {
    const { toolbarOpensPanel } = await readPanelPrefs(browser.storage.local);
    await panel.setPanelBehavior({ openPanelOnActionClick: toolbarOpensPanel });
    await browser.action.setPopup({ popup: toolbarOpensPanel ? '' : POPUP_PAGE });
  } catch (err) {
    console.warn('job-entities: the toolbar choice could not be applied:', err);
  }
}

export async function forgetHighlightOnNavigation(tabId: number, change: Tabs.OnUpdatedChangeInfoType): Promise<void> {
  if (change.status === 'loading')
    await highlightItems
      .of(tabId)
      .remove(browserAreas)
      .catch(() => undefined);
}
