// One policy for every durable store in storage.local (the collection, the training examples, the
// corrections, the profile, the results cache): each entry is validated by itself on read,
// whatever the wrapper around the entries looks like (`{version, [field]: ...}` with any version,
// a bare array, an older or hand-made store), so a damaged wrapper or entry hides nothing else.
// Entries that fail validation are set aside one by one under the store's set-aside key, never
// dropped; the options page lists them with Export and Delete.
import { z } from 'zod';
import type { StorageAreaLike } from './storage-item';

/** Where each store's unreadable entries are kept, and how the options page names them. */
export const SET_ASIDE = {
  collection: { key: 'collectionSetAside', label: 'Collection' },
  trainingExamples: { key: 'trainingExamplesSetAside', label: 'Training examples' },
  corrections: { key: 'correctionsSetAside', label: 'Corrections' },
  profile: { key: 'profileSetAside', label: 'Profile' },
  resultCache: { key: 'resultCacheSetAside', label: 'Results cache' },
} as const;
export type SetAsideStore = keyof typeof SET_ASIDE;
/** A cache is only a cache: its set-aside entries are capped (the newest kept); user work never is. */
const CACHE_SET_ASIDE_LIMIT = 50;

/** An unreadable entry of a keyed store (corrections, cache, profile fields): its key and value. */
export interface KeyedItem {
  key: string;
  value: unknown;
}

export interface ListRead<T> {
  valid: T[];
  /** Stored entries that failed validation. */
  invalid: unknown[];
}

export interface RecordRead<T> {
  valid: Record<string, T>;
  invalid: KeyedItem[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The stored entries of a list store, whatever the wrapper: a bare array, `{[field]: [...]}` (any
 * version, or none), or `{[field]: {k: entry}}`. What holds no entries at all is returned as
 * `junk` (set aside as it is: there is nothing smaller to set aside).
 */
export function listItems(raw: unknown, field: string): { items: unknown[]; junk: unknown[] } {
  if (raw === undefined || raw === null) return { items: [], junk: [] };
  if (Array.isArray(raw)) return { items: raw, junk: [] };
  if (isPlainObject(raw)) {
    const inner = raw[field];
    if (Array.isArray(inner)) return { items: inner, junk: [] };
    if (isPlainObject(inner)) return { items: Object.values(inner), junk: [] };
    if (inner === undefined || inner === null)
      return { items: [], junk: Object.keys(raw).some((k) => k !== 'version') ? [raw] : [] };
    return { items: [], junk: [inner] };
  }
  return { items: [], junk: [raw] };
}

/** The stored entries of a keyed store (`{[field]: {key: entry}}`, any version), the same way. */
export function recordItems(raw: unknown, field: string): { items: [string, unknown][]; junk: KeyedItem[] } {
  if (raw === undefined || raw === null) return { items: [], junk: [] };
  const inner = isPlainObject(raw) ? raw[field] : undefined;
  if (isPlainObject(inner)) return { items: Object.entries(inner), junk: [] };
  if (isPlainObject(raw) && (inner === undefined || inner === null) && !Object.keys(raw).some((k) => k !== 'version'))
    return { items: [], junk: [] };
  return { items: [], junk: [{ key: field, value: inner ?? raw }] };
}

export function parseList<T>(raw: unknown, field: string, entry: z.ZodType<T>): ListRead<T> {
  const { items, junk } = listItems(raw, field);
  const valid: T[] = [];
  const invalid: unknown[] = [...junk];
  for (const item of items) {
    const parsed = entry.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else invalid.push(item);
  }
  return { valid, invalid };
}

export function parseRecord<T>(raw: unknown, field: string, entry: z.ZodType<T>): RecordRead<T> {
  const { items, junk } = recordItems(raw, field);
  const valid: Record<string, T> = {};
  const invalid: KeyedItem[] = [...junk];
  for (const [key, value] of items) {
    const parsed = entry.safeParse(value);
    if (parsed.success) valid[key] = parsed.data;
    else invalid.push({ key, value });
  }
  return { valid, invalid };
}

/** Writes `items`, and in the same write appends `invalid` to the store's set-aside list. */
export async function writeWithSetAside(
  area: StorageAreaLike,
  items: Record<string, unknown>,
  store: SetAsideStore,
  invalid: readonly unknown[],
): Promise<void> {
  if (invalid.length === 0) return area.set(items);
  const key = SET_ASIDE[store].key;
  // The set-aside list has its own lock: the options page deletes from it while a store writes.
  await withLock(`job-entities:${key}`, async () => {
    const all = [...(await readSetAsideList(area, key)), ...invalid];
    await area.set({ ...items, [key]: store === 'resultCache' ? all.slice(-CACHE_SET_ASIDE_LIMIT) : all });
  });
}

async function readSetAsideList(area: StorageAreaLike, key: string): Promise<unknown[]> {
  const got = (await area.get(key))[key];
  // A set-aside list that is itself not a list is kept inside the new one, not lost.
  return Array.isArray(got) ? got : got === undefined ? [] : [got];
}

export interface SetAsideGroup {
  store: SetAsideStore;
  label: string;
  items: unknown[];
}

/** Every store's set-aside entries, for the options page (stores with none left out). */
export async function readAllSetAside(area: StorageAreaLike): Promise<SetAsideGroup[]> {
  const keys = Object.values(SET_ASIDE).map((s) => s.key);
  const got = await area.get(keys);
  const out: SetAsideGroup[] = [];
  for (const [store, { key, label }] of Object.entries(SET_ASIDE) as [
    SetAsideStore,
    (typeof SET_ASIDE)[SetAsideStore],
  ][]) {
    const v = got[key];
    const items = Array.isArray(v) ? v : v === undefined ? [] : [v];
    if (items.length) out.push({ store, label, items });
  }
  return out;
}

/** Deletes one set-aside entry (the user's choice on the options page). */
export async function deleteSetAside(area: StorageAreaLike, store: SetAsideStore, index: number): Promise<void> {
  const key = SET_ASIDE[store].key;
  await withLock(`job-entities:${key}`, async () => {
    const items = await readSetAsideList(area, key);
    if (index < 0 || index >= items.length) return;
    items.splice(index, 1);
    if (items.length) await area.set({ [key]: items });
    else await area.remove(key);
  });
}

/**
 * The popup, the options page and the collection page may change one store at the same moment (two
 * popups saving, a delete while an import runs): a Web Lock, shared by every page of the
 * extension's origin, runs one read-change-write at a time so no change overwrites another. Where
 * Web Locks do not exist (Node, in unit tests) a queue per name does the same within the one context.
 */
export async function withLock<T>(name: string, run: () => Promise<T>): Promise<T> {
  const locks = (
    globalThis.navigator as { locks?: { request: (name: string, cb: () => Promise<T>) => Promise<T> } } | undefined
  )?.locks;
  if (locks) return locks.request(name, run);
  const before = queues.get(name) ?? Promise.resolve();
  const mine = before.then(run, run);
  const settled = mine.then(
    () => undefined,
    () => undefined,
  );
  queues.set(name, settled);
  void settled.then(() => queues.get(name) === settled && queues.delete(name));
  return mine;
}
const queues = new Map<string, Promise<void>>();

/** Entries beyond `limit` dropped, the least recently used (by `usedAt`) first: for caches, never for user work. */
export function evictLeastRecent<T>(
  entries: Record<string, T>,
  usedAt: (entry: T) => number,
  limit: number,
): Record<string, T> {
  const keys = Object.keys(entries).sort((a, b) => usedAt(entries[a]) - usedAt(entries[b]));
  const out = { ...entries };
  for (const k of keys.slice(0, Math.max(0, keys.length - limit))) delete out[k];
  return out;
}

/** A text cut to `max` characters (an ellipsis last), to fit an entry schema's limit. */
export function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
