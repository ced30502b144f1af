// The side panel preferences' use cases: save a change at once, and turn automatic extraction on
// only with the permission to read the sites the user visits (asked in the click itself: browsers
// require a user gesture). Each returns the notice to show and the preferences now saved.
import browser from 'webextension-polyfill';
import { errorMessage } from '../core/text';
import type { NoticeState } from '../shared/Notice';
import { writePanelPrefs, type PanelPrefs } from '../shared/panel-prefs';

const ALL_SITES = ['https://*/*', 'http://*/*'];

export interface PrefsOutcome {
  notice: NoticeState;
  /** The preferences as saved, when the change was saved. */
  prefs?: PanelPrefs;
}

/** Saves `patch`; `savedText` says what it changes. */
export async function changePanelPrefs(patch: Partial<PanelPrefs>, savedText: string): Promise<PrefsOutcome> {
  try {
    return { prefs: await writePanelPrefs(browser.storage.local, patch), notice: { kind: 'ok', text: savedText } };
  } catch (err) {
    return { notice: { kind: 'error', text: `Not saved: ${errorMessage(err)}. Try again.` } };
  }
}

export async function setAutoExtract(on: boolean): Promise<PrefsOutcome> {
  if (!on)
    return changePanelPrefs({ autoExtract: false }, 'Saved: the side panel extracts only when you click Extract.');
  // Asked before any other await: the permission prompt needs the click's user gesture.
  const granted = await browser.permissions.request({ origins: ALL_SITES }).catch(() => false);
  if (!granted)
    return {
      notice: {
        kind: 'error',
        text: 'Not turned on: reading job pages by itself needs your permission to read the sites you visit. Allow it when your browser asks.',
      },
    };
  return changePanelPrefs({ autoExtract: true }, 'Saved: the side panel extracts each job page you open.');
}
