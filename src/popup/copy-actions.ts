// Copying from the view: the clipboard write and the one line that says how it went.
import type { Entities } from '../core/entities';
import { copyText } from './clipboard';
import { clipboardValue, entitiesAsText } from './entities-text';

export const CLIPBOARD_REFUSED = 'Could not copy: the clipboard refused.';

/** Copies `text`; answers `done` when the clipboard took it, else why not. */
export async function copyWithNote(text: string, done: string): Promise<string> {
  return (await copyText(text)) ? done : CLIPBOARD_REFUSED;
}

/** Copy all: every type on its own line. */
export function copyAllEntities(entities: Entities): Promise<string> {
  return copyWithNote(entitiesAsText(entities), 'Copied all entities');
}

/** One chip's or one group's text, safe to paste into a spreadsheet; `what` names it in the answer. */
export function copyValue(text: string, what: string): Promise<string> {
  return copyWithNote(clipboardValue(text), `Copied ${what}`);
}
