// Which tab the view works on, and how it follows it:
//  - 'popup' (the toolbar popup): the active tab of the last focused normal window, read once;
//  - 'window' (`?tabId=N`: "Open in a window", the context menu, tests): tab N, following its
//    navigations (another page shows "New posting — Extract");
//  - 'panel' (the side panel, `sidepanel.html`): the active tab of the panel's window, following
//    tab switches and navigations. `?windowId=N` pins the window it follows (a panel opened in a
//    window of its own, as the browser tests do).
import browser from 'webextension-polyfill';

export type ViewMode = 'popup' | 'window' | 'panel';

export interface PopupParams {
  mode: ViewMode;
  tabId?: number;
  windowId?: number;
  selection: boolean;
}

function intParam(q: URLSearchParams, name: string): number | undefined {
  const n = Number(q.get(name));
  return q.has(name) && Number.isInteger(n) && n >= 0 ? n : undefined;
}

export function readPopupParams(search: string, panel = false): PopupParams {
  const q = new URLSearchParams(search);
  const tabId = intParam(q, 'tabId');
  const mode: ViewMode = panel ? 'panel' : tabId !== undefined ? 'window' : 'popup';
  return {
    mode,
    tabId: panel ? undefined : tabId,
    windowId: intParam(q, 'windowId'),
    selection: q.get('selection') === '1',
  };
}

export async function resolveTargetTab(params: PopupParams): Promise<number> {
  if (params.tabId !== undefined) return params.tabId;
  if (params.mode === 'panel') {
    const windowId = await panelWindow(params);
    const [tab] = await browser.tabs.query({ active: true, windowId });
    if (tab?.id !== undefined) return tab.id;
  }
  const [focused] = await browser.tabs.query({ active: true, lastFocusedWindow: true, windowType: 'normal' });
  // A detached popup window may be the last focused one: then any normal window's active tab.
  const tab = focused ?? (await browser.tabs.query({ active: true, windowType: 'normal' }))[0];
  if (tab?.id === undefined) throw new Error('No tab to read: open a job posting and click the extension again.');
  return tab.id;
}

/** The window whose active tab the side panel shows. */
export async function panelWindow(params: PopupParams): Promise<number | undefined> {
  if (params.windowId !== undefined) return params.windowId;
  return (await browser.windows.getCurrent()).id;
}
