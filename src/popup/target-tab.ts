// Which tab the popup works on: `?tabId=N` (a test, the "open in a window" button, the context
// menu), else the active tab of the last focused normal window (the popup's own window when it is
// the toolbar popup; never the popup window itself when detached).
import browser from 'webextension-polyfill';

export interface PopupParams {
  tabId?: number;
  selection: boolean;
}

export function readPopupParams(search: string): PopupParams {
  const q = new URLSearchParams(search);
  const n = Number(q.get('tabId'));
  return { tabId: q.has('tabId') && Number.isInteger(n) && n >= 0 ? n : undefined, selection: q.get('selection') === '1' };
}

export async function resolveTargetTab(params: PopupParams): Promise<number> {
  if (params.tabId !== undefined) return params.tabId;
  const [focused] = await browser.tabs.query({ active: true, lastFocusedWindow: true, windowType: 'normal' });
  // A detached popup window may be the last focused one: then any normal window's active tab.
  const tab = focused ?? (await browser.tabs.query({ active: true, windowType: 'normal' }))[0];
  if (tab?.id === undefined) throw new Error('No tab to read: open a job posting and click the extension again.');
  return tab.id;
}
