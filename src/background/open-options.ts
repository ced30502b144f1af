// The "open-options" message: the popup's "Open settings" button.
import browser from 'webextension-polyfill';

export async function handleOpenOptions(): Promise<Record<string, never>> {
  await browser.runtime.openOptionsPage();
  return {};
}
