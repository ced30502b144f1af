// The popup detached into its own window, aimed at one tab: opened by the context menu (worker) and
// by the popup's "Open in a window".
import browser from 'webextension-polyfill';

export async function openPopupWindow(tabId: number, selection = false): Promise<void> {
  const url = browser.runtime.getURL(`src/popup/popup.html?tabId=${tabId}${selection ? '&selection=1' : ''}`);
  await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
}
