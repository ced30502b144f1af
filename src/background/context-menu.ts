// "Extract entities from selection": the click grants activeTab for the tab; the selected text is
// kept in storage.session and the popup opens in a window aimed at that tab.
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { openPopupWindow } from '../shared/popup-window';
import { browserAreas } from '../shared/browser-areas';
import { selectionItems } from '../shared/storage-items';

export const SELECTION_MENU_ID = 'extract-selection';

export function createContextMenu(): void {
  browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({
        id: SELECTION_MENU_ID,
        title: 'Extract entities from selection',
        contexts: ['selection'],
      }),
    )
    // The menu is an extra: without it the toolbar button and the shortcut still work.
    .catch(() => undefined);
}

export async function onContextMenuClick(info: Menus.OnClickData, tab?: Tabs.Tab): Promise<void> {
  if (info.menuItemId !== SELECTION_MENU_ID || tab?.id === undefined) return;
  await selectionItems.of(tab.id).set(browserAreas, info.selectionText ?? '');
  await openPopupWindow(tab.id, true);
}
