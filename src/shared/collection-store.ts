// The saved collection of postings in storage.local (with the unlimitedStorage permission, so it is
// not capped at 10 MB). Pages read and write it directly; the API key is never involved. Every
// entry is validated on read on its own, so one damaged entry is set aside instead of hiding or
// losing the rest. Functions take the storage area as a parameter so unit tests can pass an
// in-memory one.
import type { ExtractionResult } from '../core/entities';
import { pickEntities } from '../core/entities';
import {
  mergeCollections,
  patchPosting,
  postingKey,
  removePosting,
  SavedPostingSchema,
  upsertPosting,
  type SavedPosting,
  type SavedPostingInput,
  type TrackingPatch,
} from '../core/export/collection';
import type { Posting } from '../core/posting';
import type { StorageAreaLike } from './storage-item';
import { collectionItem } from './storage-items';
import { clip, SET_ASIDE } from './stored-list';

export const COLLECTION_KEY = collectionItem.key;
/** Entries that failed validation, kept (not deleted) so a schema mistake never destroys data. */
export const COLLECTION_SET_ASIDE_KEY = SET_ASIDE.collection.key;
export const COLLECTION_VERSION = collectionItem.version;

export interface CollectionRead {
  postings: SavedPosting[];
  /** Stored entries that are not valid postings (dropped from the view). */
  invalid: unknown[];
}

/** Validates each stored entry by itself; anything unreadable becomes `invalid`, never an exception. */
export function parseStoredCollection(raw: unknown): CollectionRead {
  const { value, invalid } = collectionItem.decode(raw);
  return { postings: value, invalid };
}

/** Never throws: a collection the browser cannot read shows as empty. */
export async function readCollection(area: StorageAreaLike): Promise<CollectionRead> {
  try {
    const { value, invalid } = await collectionItem.read({ local: area });
    return { postings: value, invalid };
  } catch {
    return { postings: [], invalid: [] };
  }
}

/**
 * Read, change, write, one change at a time across the extension's pages (a Web Lock). Invalid
 * entries met on the way are moved to COLLECTION_SET_ASIDE_KEY (capped) rather than silently
 * dropped, and the collection is written back clean.
 */
export async function updateCollection(
  area: StorageAreaLike,
  change: (postings: SavedPosting[]) => SavedPosting[],
): Promise<SavedPosting[]> {
  return collectionItem.update({ local: area }, change);
}

/**
 * Save a posting; the same URL (fragment and tracking parameters aside) updates the saved one, and
 * by default keeps its status and notes (a fresh extraction does not know them). Undo of a delete
 * passes keepTracking: false to put back the row exactly as it was.
 */
export async function savePosting(
  area: StorageAreaLike,
  input: SavedPostingInput,
  opts: { keepTracking?: boolean } = {},
): Promise<'saved' | 'updated'> {
  // Validated here: a posting without status or notes gets the defaults (New, no notes).
  const posting = SavedPostingSchema.parse(input);
  let outcome: 'saved' | 'updated' = 'saved';
  await updateCollection(area, (postings) => {
    const key = postingKey(posting.url);
    if (postings.some((p) => postingKey(p.url) === key)) outcome = 'updated';
    return upsertPosting(postings, posting, { keepTracking: opts.keepTracking ?? true });
  });
  return outcome;
}

/** Change one saved posting's status or notes. */
export async function updateTracking(area: StorageAreaLike, url: string, patch: TrackingPatch): Promise<void> {
  await updateCollection(area, (postings) => patchPosting(postings, url, patch));
}

export async function deletePosting(area: StorageAreaLike, url: string): Promise<SavedPosting[]> {
  return updateCollection(area, (postings) => removePosting(postings, url));
}

/** Merge a validated backup's postings (same URL: the imported one wins). Returns what changed. */
export async function importPostings(
  area: StorageAreaLike,
  incoming: readonly SavedPosting[],
): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  await updateCollection(area, (postings) => {
    // Counted per distinct URL: a backup naming a posting twice still adds (or updates) one.
    const known = new Set(postings.map((p) => postingKey(p.url)));
    const counted = new Set<string>();
    for (const p of incoming) {
      const key = postingKey(p.url);
      if (counted.has(key)) continue;
      counted.add(key);
      if (known.has(key)) updated++;
      else added++;
    }
    return mergeCollections(postings, incoming);
  });
  return { added, updated };
}

/** What "Save to collection" keeps of a captured posting and its result (not the description text). */
export function toSavedPosting(posting: Posting, result: ExtractionResult, now: Date = new Date()): SavedPosting {
  return SavedPostingSchema.parse({
    url: clip(posting.url.trim(), 4096) || 'about:blank',
    title: clip(posting.title.trim(), 1000),
    company: clip(posting.company.trim(), 1000),
    location: clip(posting.location.trim(), 1000),
    capturedAt: now.toISOString(),
    entities: pickEntities(result),
    model: result.meta.model,
    provider: result.meta.provider,
  });
}
