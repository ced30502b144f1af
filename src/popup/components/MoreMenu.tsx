/// <reference types="chrome" />
// The view's "More" menu: Open in side panel, Open in a window (both from the toolbar
// popup only), Settings.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendMessage } from '../../shared/messages';
import { openPopupWindow } from '../../shared/popup-window';
import { closeIfToolbarPopup, isToolbarPopup } from '../close-view';
import { Menu, type MenuItem } from './Menu';

function sidePanelApi(): typeof chrome.sidePanel | undefined {
  return (globalThis as { chrome?: typeof chrome }).chrome?.sidePanel;
}

export function MoreMenu({ tabId }: { tabId?: number }) {
  const toolbar = isToolbarPopup();
  // Known before the click: chrome.sidePanel.open must run in the click itself (a user gesture).
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (toolbar) void browser.windows.getCurrent().then((w) => setWindowId(w.id));
  }, [toolbar]);
  const panel = sidePanelApi();
  const items: MenuItem[] = [
    ...(toolbar && panel?.open
      ? [
          {
            label: 'Open in side panel',
            testId: 'open-side-panel',
            disabled: tabId === undefined,
            hint: 'Stays open and follows the tab you are on',
            onSelect: () => {
              const opening = windowId !== undefined ? panel.open({ windowId }) : panel.open({ tabId: tabId! });
              void opening.then(
                () => window.close(),
                () => undefined,
              );
            },
          },
        ]
      : []),
    ...(toolbar
      ? [
          {
            label: 'Open in a window',
            testId: 'open-window',
            disabled: tabId === undefined,
            onSelect: () => void (tabId !== undefined && openPopupWindow(tabId).then(closeIfToolbarPopup)),
          },
        ]
      : []),
    {
      label: 'Settings',
      testId: 'open-options',
      onSelect: () => void sendMessage('open-options', {}).then(closeIfToolbarPopup, () => undefined),
    },
  ];
  return (
    <Menu label="More actions" testId="more-menu" items={items} buttonClass="button small">
      More
    </Menu>
  );
}
