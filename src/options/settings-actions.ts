// The settings form's use cases, apart from the components that show them: the check before
// anything is sent, Save (with the optional host permission), Test connection and Remove key. Each
// returns what the page shows next (field messages, a notice, the settings now saved); none holds
// state. The key-drop rule lives here too: a saved key belongs to the server it was saved for, so
// with the base URL on another server the worker neither tests with it nor keeps it on Save.
import browser from 'webextension-polyfill';
import { errorMessage } from '../core/text';
import { sendMessage, type PublicSettings } from '../shared/messages';
import type { NoticeState } from '../shared/Notice';
import { hostOf, isOtherServer, originOf, originPattern } from '../shared/server-origin';
import { issuesToForm, toDraft, validateForm, type SettingsForm } from './form';
import { isPreGrantedHost } from './presets';

/** Field messages keyed by form field; empty when every field is valid. */
export type FieldIssues = Record<string, string>;

/** What an action leaves the page with. `issues` replaces the field messages when present. */
export interface Outcome {
  notice: NoticeState;
  issues?: FieldIssues;
  /** The settings the worker saved, when it saved any. */
  saved?: PublicSettings;
}

const FIX_FIELDS: NoticeState = { kind: 'error', text: 'Fix the highlighted fields.' };

export const TESTING: NoticeState = { kind: 'info', text: 'Testing…' };

/** Anything the worker or the browser threw, as the notice that says so. */
function failed(err: unknown): Outcome {
  return { notice: { kind: 'error', text: errorMessage(err) } };
}

/** The saved key's host when the form's base URL is on another server (the worker then leaves that key out). */
export function keySavedFor(saved: PublicSettings | undefined, baseURL: string): string | undefined {
  return saved?.hasKey && originOf(baseURL) !== undefined && isOtherServer(saved.baseURL, baseURL)
    ? hostOf(saved.baseURL)
    : undefined;
}

/** The one check before Save and Test send anything: the invalid fields' messages, or undefined. */
export function formProblems(form: SettingsForm): Outcome | undefined {
  const issues = validateForm(form);
  return Object.keys(issues).length > 0 ? { issues, notice: FIX_FIELDS } : undefined;
}

/** What the worker is sent: the settings, and the typed key when there is one (none keeps the saved key). */
function draftOf(form: SettingsForm, apiKey: string) {
  return { settings: toDraft(form), ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}) };
}

/**
 * Asks for access to the base URL's host unless the manifest grants it up front; says what fails
 * when refused ('' when granted). Must run before any other await: the browser shows its prompt
 * only within the click's user gesture.
 */
export async function requestHostPermission(baseURL: string): Promise<string> {
  if (isPreGrantedHost(baseURL)) return '';
  const granted = await browser.permissions.request({ origins: [originPattern(baseURL.trim())] }).catch(() => false);
  return granted
    ? ''
    : ` The browser did not grant access to ${hostOf(baseURL)}: requests to it will fail until you save again and allow it.`;
}

/** Save on a valid form, called in the click itself (see requestHostPermission). */
export async function saveSettings(form: SettingsForm, apiKey: string, saved?: PublicSettings): Promise<Outcome> {
  const droppedKeyFor = apiKey.trim() ? undefined : keySavedFor(saved, form.baseURL);
  const permissionNote = await requestHostPermission(form.baseURL);
  try {
    const reply = await sendMessage('save-settings', draftOf(form, apiKey));
    if (!reply.ok || !reply.settings) return { issues: issuesToForm(reply.issues ?? {}), notice: FIX_FIELDS };
    const keyNote =
      droppedKeyFor && !reply.settings.hasKey
        ? ` The key saved for ${droppedKeyFor} was removed (it is only sent to the server it was saved for): enter the key for this server if it needs one.`
        : '';
    const text = `Saved.${keyNote}${permissionNote}`;
    return { saved: reply.settings, notice: { kind: permissionNote ? 'error' : 'ok', text } };
  } catch (err) {
    return failed(err);
  }
}

/** Test connection on a valid form: a tiny request to the server, or why it failed. */
export async function testConnection(form: SettingsForm, apiKey: string): Promise<Outcome> {
  try {
    const reply = await sendMessage('test-connection', draftOf(form, apiKey));
    return {
      ...(reply.issues ? { issues: issuesToForm(reply.issues) } : {}),
      notice: { kind: reply.ok ? 'ok' : 'error', text: reply.message },
    };
  } catch (err) {
    return failed(err);
  }
}

/** Remove key: an empty settings draft changes nothing else; apiKey '' removes the saved key. */
export async function removeKey(): Promise<Outcome> {
  try {
    const reply = await sendMessage('save-settings', { settings: {}, apiKey: '' });
    if (!reply.ok || !reply.settings)
      return {
        notice: {
          kind: 'error',
          text: 'The key could not be removed: the background worker refused the change. Reload this page and try again.',
        },
      };
    return { saved: reply.settings, notice: { kind: 'ok', text: 'Key removed: no key is saved now.' } };
  } catch (err) {
    return failed(err);
  }
}
