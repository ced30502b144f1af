// The user's corrections of the popup's chips, per posting, in storage.local under one key of its
// own. A correction is the whole corrected set (not a list of edits), so what the popup shows is
// exactly what was saved. The model's answer stays in the results cache untouched: "Revert"
// deletes the correction and the cached answer shows again. Entries are keyed by the posting's URL
// and a hash of its text, so a page whose text changed is a new posting. Each entry is validated
// on its own, whatever the wrapper looks like: a damaged one is set aside on the next write (see
// stored-list.ts), never the others. Functions take the storage area so unit tests can pass an
// in-memory one.
import { valueKey } from '../core/display';
import { ENTITY_TYPES, type Entities, type EntityType } from '../core/entities';
import { sha256Hex } from '../core/hash';
import { normalizeText } from '../core/prompt';
import type { StorageAreaLike } from './storage-item';
import { CORRECTIONS_LIMIT, correctionsItem } from './storage-items';
import { evictLeastRecent } from './stored-list';
import { CorrectionSchema, type Correction } from './stored-schemas';

export { CorrectionSchema, type Correction } from './stored-schemas';
/** Corrections kept; the least recently changed go first (saved training examples are not affected). */
export { CORRECTIONS_LIMIT } from './storage-items';
export const CORRECTIONS_KEY = correctionsItem.key;
export const CORRECTIONS_VERSION = correctionsItem.version;

/** SHA-256 hex of the posting text as the model reads it (white space differences do not count). */
export function textHash(text: string): Promise<string> {
  return sha256Hex(normalizeText(text));
}

/** The key of one posting: its URL (fragment dropped: it does not change the page) and its text hash. */
export async function postingCorrectionKey(posting: { url: string; text: string }): Promise<string> {
  return correctionKeyOf(posting.url, await textHash(posting.text));
}

/** The same key from a text hash already computed (a job keeps the hash, not always the text). */
export function correctionKeyOf(url: string, hash: string): string {
  return `${url.trim().replace(/#.*$/, '')}\u0000${hash}`;
}

/** Each stored entry checked by itself, whatever the wrapper; anything unreadable is left out, never an exception. */
export function parseStoredCorrections(raw: unknown): Record<string, Correction> {
  return correctionsItem.decode(raw).value;
}

async function readAll(area: StorageAreaLike): Promise<Record<string, Correction>> {
  return correctionsItem.get({ local: area });
}

export async function readCorrection(area: StorageAreaLike, key: string): Promise<Correction | undefined> {
  return (await readAll(area))[key];
}

/** Insert or replace, then drop the least recently changed entries beyond the limit. */
export function withCorrection(
  entries: Record<string, Correction>,
  key: string,
  correction: Correction,
  limit = CORRECTIONS_LIMIT,
): Record<string, Correction> {
  return evictLeastRecent({ ...entries, [key]: correction }, (c) => c.updatedAt, limit);
}

export async function writeCorrection(area: StorageAreaLike, key: string, correction: Correction): Promise<void> {
  const valid = CorrectionSchema.parse(correction);
  await correctionsItem.update({ local: area }, (entries) => withCorrection(entries, key, valid));
}

export async function deleteCorrection(area: StorageAreaLike, key: string): Promise<void> {
  if (!(key in (await readAll(area)))) return;
  await correctionsItem.update({ local: area }, (entries) => {
    const next = { ...entries };
    delete next[key];
    return next;
  });
}

// ---- editing a set of entities (pure) ----

/**
 * Remove a chip's value from one type: every occurrence, and every spelling the popup shows as
 * the same chip (groupForDisplay groups by valueKey: case and spaces aside).
 */
export function removeValue(entities: Entities, type: EntityType, raw: string): Entities {
  const key = valueKey(raw);
  return { ...entities, [type]: entities[type].filter((v) => valueKey(v) !== key) };
}

/** Add a value at the end of its type; a value the popup already shows is not added twice. Blank input changes nothing. */
export function addValue(entities: Entities, type: EntityType, value: string): Entities {
  const v = value.trim();
  const key = valueKey(v);
  if (!key || entities[type].some((x) => valueKey(x) === key)) return entities;
  return { ...entities, [type]: [...entities[type], v] };
}

export function sameEntities(a: Entities, b: Entities): boolean {
  return ENTITY_TYPES.every((t) => a[t].length === b[t].length && a[t].every((v, i) => v === b[t][i]));
}
