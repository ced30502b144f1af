// What can be done with an entry set aside as unreadable: export it as a JSON file (to repair or
// keep it) or delete it. Nothing else ever removes one.
import browser from 'webextension-polyfill';
import { errorMessage } from '../core/text';
import { downloadText } from '../shared/download-file';
import type { NoticeState } from '../shared/Notice';
import { deleteSetAside, type SetAsideStore } from '../shared/stored-list';

/** `index` counts from 0; the file is numbered from 1, as the list shows it. */
export function exportSetAsideEntry(store: SetAsideStore, index: number, item: unknown): void {
  downloadText(JSON.stringify(item, null, 2), `${store}-set-aside-${index + 1}.json`, 'application/json');
}

/** Deletes one set-aside entry; the notice when it could not be. */
export async function deleteSetAsideEntry(store: SetAsideStore, index: number): Promise<NoticeState | undefined> {
  try {
    await deleteSetAside(browser.storage.local, store, index);
    return undefined;
  } catch (err) {
    return { kind: 'error', text: `Could not delete: ${errorMessage(err)}` };
  }
}
