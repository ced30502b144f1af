// The saved collection of postings in storage.local (with the unlimitedStorage permission, so it is
// not capped at 10 MB). Pages read and write it directly; the API key is never involved. Every
// entry is validated on read on its own, so one damaged entry is set aside instead of hiding or
// losing the rest. Functions take the storage area as a parameter so unit tests can pass an
// in-memory one.
import type { ExtractionResult } from '../core/entities';
import { pickEntities } from '../core/entities';
import { mergeCollections, postingKey, removePosting, SavedPostingSchema, upsertPosting, type SavedPosting } from '../core/export/collection';
import type { Posting } from '../core/posting';
import type { StorageAreaLike } from './storage';
import { appendSetAside, storedListReader } from './stored-list';

export const COLLECTION_KEY = 'collection';
/** Entries that failed validation, kept (not deleted) so a schema mistake never destroys data. */
export const COLLECTION_SET_ASIDE_KEY = 'collectionSetAside';
const SET_ASIDE_LIMIT = 500;
export const COLLECTION_VERSION = 1;

export interface CollectionRead {
  postings: SavedPosting[];
  /** Stored entries that are not valid postings (dropped from the view). */
  invalid: unknown[];
}

const readStoredPostings = storedListReader('postings', SavedPostingSchema);

/** Validates each stored entry by itself; anything unreadable becomes `invalid`, never an exception. */
export function parseStoredCollection(raw: unknown): CollectionRead {
  const { valid, invalid } = readStoredPostings(raw);
  return { postings: valid, invalid };
}

export async function readCollection(area: StorageAreaLike): Promise<CollectionRead> {
  try {
    const got = await area.get(COLLECTION_KEY);
    return parseStoredCollection(got[COLLECTION_KEY]);
  } catch {
    return { postings: [], invalid: [] };
  }
}

/**
 * Read, change, write. Invalid entries met on the way are moved to COLLECTION_SET_ASIDE_KEY
 * (capped) rather than silently dropped, and the collection is written back clean.
 */
export async function updateCollection(area: StorageAreaLike, change: (postings: SavedPosting[]) => SavedPosting[]): Promise<SavedPosting[]> {
  return withCollectionLock(() => applyChange(area, change));
}

/**
 * The popup and the collection page may change the collection at the same moment (two popups
 * saving, a delete while an import runs): a Web Lock, shared by every page of the extension's
 * origin, runs one read-change-write at a time so no change overwrites another. Where Web Locks
 * do not exist (Node, in unit tests) the change simply runs.
 */
async function withCollectionLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: { request: (name: string, cb: () => Promise<T>) => Promise<T> } } | undefined)?.locks;
  return locks ? locks.request('job-entities:collection', run) : run();
}

async function applyChange(area: StorageAreaLike, change: (postings: SavedPosting[]) => SavedPosting[]): Promise<SavedPosting[]> {
  const { postings, invalid } = await readCollection(area);
  const next = change(postings);
  const items: Record<string, unknown> = { [COLLECTION_KEY]: { version: COLLECTION_VERSION, postings: next } };
  if (invalid.length > 0) items[COLLECTION_SET_ASIDE_KEY] = await appendSetAside(area, COLLECTION_SET_ASIDE_KEY, invalid, SET_ASIDE_LIMIT);
  await area.set(items);
  return next;
}

/** Save a posting; the same URL (fragment and tracking parameters aside) updates the saved one. */
export async function savePosting(area: StorageAreaLike, posting: SavedPosting): Promise<'saved' | 'updated'> {
  let outcome: 'saved' | 'updated' = 'saved';
  await updateCollection(area, (postings) => {
    const key = postingKey(posting.url);
    if (postings.some((p) => postingKey(p.url) === key)) outcome = 'updated';
    return upsertPosting(postings, posting);
  });
  return outcome;
}

export async function deletePosting(area: StorageAreaLike, url: string): Promise<SavedPosting[]> {
  return updateCollection(area, (postings) => removePosting(postings, url));
}

/** Merge a validated backup's postings (same URL: the imported one wins). Returns what changed. */
export async function importPostings(area: StorageAreaLike, incoming: readonly SavedPosting[]): Promise<{ added: number; updated: number }> {
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

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + '…' : s);

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
