// What the popup does with the user's corrections (corrections-store, in storage.local): find the
// saved set for a posting, apply an edit (remove, add, revert), and save or drop the result. Each
// answers in words for the popup when storage fails.
import browser from 'webextension-polyfill';
import { pickEntities, type Entities, type ExtractionResult } from '../core/entities';
import { errorMessage } from '../core/text';
import {
  correctionKeyOf,
  deleteCorrection,
  postingCorrectionKey,
  readCorrection,
  sameEntities,
  writeCorrection,
} from '../shared/corrections-store';

/** The posting's key, and the user's saved set when it is not just the model's answer again. */
export async function loadCorrection(
  posting: { url: string; text: string },
  textHash: string | undefined,
  modelResult: ExtractionResult,
): Promise<{ key: string; entities: Entities | undefined }> {
  const key = textHash ? correctionKeyOf(posting.url, textHash) : await postingCorrectionKey(posting);
  const saved = await readCorrection(browser.storage.local, key);
  return { key, entities: saved && !sameEntities(saved.entities, modelResult) ? saved.entities : undefined };
}

export function correctionsUnreadable(err: unknown): string {
  return `Your corrections could not be read (${errorMessage(err)}).`;
}

/**
 * The set after an edit: `unchanged` when the edit changed nothing, `undefined` when it is the
 * model's answer again (the correction is dropped), else the user's set.
 */
export function applyEdit(
  modelResult: ExtractionResult,
  corrected: Entities | undefined,
  edit: (e: Entities) => Entities,
): Entities | undefined | 'unchanged' {
  const base = corrected ?? pickEntities(modelResult);
  const next = edit(base);
  if (sameEntities(next, base)) return 'unchanged';
  return sameEntities(next, modelResult) ? undefined : next;
}

/** Saves the user's set for the posting, or drops it (`undefined`); answers a problem to show, if any. */
export async function saveCorrection(
  url: string,
  key: string,
  next: Entities | undefined,
): Promise<string | undefined> {
  try {
    if (next)
      await writeCorrection(browser.storage.local, key, {
        url,
        textHash: key.split('\u0000')[1],
        entities: next,
        updatedAt: Date.now(),
      });
    else await deleteCorrection(browser.storage.local, key);
    return undefined;
  } catch (err) {
    return `Your correction could not be saved (${errorMessage(err)}); it is shown but will be lost when the popup closes.`;
  }
}
