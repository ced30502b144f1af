// The shared shape of a durable list in storage.local ({version, <list>: [...]}, or a bare array):
// each entry is validated by itself on read, so a damaged entry is set aside under its own key
// instead of hiding or losing the rest. The collection and the training examples are such lists.
import { z } from 'zod';
import type { StorageAreaLike } from './storage';

export interface ListRead<T> {
  valid: T[];
  /** Stored entries that failed validation. */
  invalid: unknown[];
}

export interface StoredListSpec<T> {
  /** The storage.local key of the list. */
  key: string;
  /** The list's field in the stored object (`{version, [field]: [...]}`). */
  field: string;
  entry: z.ZodType<T>;
  version: number;
  /** Where entries that failed validation are kept (never deleted), the newest `setAsideLimit`. */
  setAsideKey: string;
  setAsideLimit: number;
}

export interface StoredList<T> {
  /** Validates each stored entry by itself; anything unreadable becomes `invalid`, never an exception. */
  parse(raw: unknown): ListRead<T>;
  /** Never throws: a store the browser cannot read shows as empty (and is not written over by a read). */
  read(area: StorageAreaLike): Promise<ListRead<T>>;
  /**
   * Read, change, write, one at a time across the extension's pages. Invalid entries met on the way
   * move to the set-aside key and the list is written back clean. A store the browser cannot read
   * throws here: it is never written over with a change of an empty list.
   */
  update(area: StorageAreaLike, change: (entries: T[]) => T[]): Promise<T[]>;
}

/**
 * A reader of a stored list whose entries are `entry`: it validates each entry by itself, and
 * anything unreadable becomes `invalid`, never an exception. The stored value is
 * `{version, [field]: [...]}` or a bare array (an older or hand-made store).
 */
function storedListReader<T>(field: string, entry: z.ZodType<T>): (raw: unknown) => ListRead<T> {
  const stored = z.object({ version: z.number().int(), [field]: z.array(z.unknown()) });
  return (raw) => {
    if (raw === undefined || raw === null) return { valid: [], invalid: [] };
    const entries = Array.isArray(raw) ? raw : (stored.safeParse(raw).data?.[field] as unknown[] | undefined);
    if (!entries) return { valid: [], invalid: [raw] };
    const valid: T[] = [];
    const invalid: unknown[] = [];
    for (const item of entries) {
      const parsed = entry.safeParse(item);
      if (parsed.success) valid.push(parsed.data);
      else invalid.push(item);
    }
    return { valid, invalid };
  };
}

export function storedList<T>(spec: StoredListSpec<T>): StoredList<T> {
  const parse = storedListReader(spec.field, spec.entry);
  const update = async (area: StorageAreaLike, change: (entries: T[]) => T[]): Promise<T[]> => {
    const { valid, invalid } = parse((await area.get(spec.key))[spec.key]);
    const next = change(valid);
    const items: Record<string, unknown> = { [spec.key]: { version: spec.version, [spec.field]: next } };
    if (invalid.length > 0) items[spec.setAsideKey] = await appendSetAside(area, spec.setAsideKey, invalid, spec.setAsideLimit);
    await area.set(items);
    return next;
  };
  return {
    parse,
    async read(area) {
      try {
        return parse((await area.get(spec.key))[spec.key]);
      } catch {
        return { valid: [], invalid: [] };
      }
    },
    update: (area, change) => withLock(`job-entities:${spec.key}`, () => update(area, change)),
  };
}

/**
 * The popup, the options page and the collection page may change one list at the same moment (two
 * popups saving, a delete while an import runs): a Web Lock, shared by every page of the
 * extension's origin, runs one read-change-write at a time so no change overwrites another. Where
 * Web Locks do not exist (Node, in unit tests) the change simply runs.
 */
async function withLock<T>(name: string, run: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: { request: (name: string, cb: () => Promise<T>) => Promise<T> } } | undefined)?.locks;
  return locks ? locks.request(name, run) : run();
}

/** A text cut to `max` characters (an ellipsis last), to fit an entry schema's limit. */
export function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** The set-aside list after adding `invalid`: what is stored under `key` first, the newest `limit` kept. */
async function appendSetAside(area: StorageAreaLike, key: string, invalid: unknown[], limit: number): Promise<unknown[]> {
  const got = await area.get(key);
  const before = Array.isArray(got[key]) ? (got[key] as unknown[]) : [];
  return [...before, ...invalid].slice(-limit);
}
