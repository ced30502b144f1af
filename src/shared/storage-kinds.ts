// The kinds of stored item, each a defineItem with its reading written once: a list of entries
// (the collection, the training examples), entries by key (the corrections, the results cache), one
// whole value (settings, profile, panel preferences), and a family of per-tab values in
// storage.session (`job:<tabId>`). Lists and keyed stores validate each entry by itself
// (stored-list.ts), so a damaged entry or wrapper hides nothing else and is set aside, not dropped.
import type { z } from 'zod';
import {
  defineItem,
  watchKeys,
  type Areas,
  type AreaName,
  type ItemDefinition,
  type ItemRead,
  type Migration,
  type StorageItem,
} from './storage-item';
import { parseList, parseRecord, type SetAsideStore } from './stored-list';

interface EntriesSpec<E> {
  area?: AreaName;
  key: string;
  describes: string;
  schemaName: string;
  /** The entries' field in the stored object (`{version, [field]: ...}`). */
  field: string;
  entry: z.ZodType<E>;
  version: number;
  migrations?: Record<number, Migration>;
  setAside: SetAsideStore;
}

/** A list of entries, stored as `{version, [field]: [...]}`; read from any wrapper (see listItems). */
export function listItem<E>(spec: EntriesSpec<E>): StorageItem<E[]> {
  const { entry, field, ...rest } = spec;
  return defineItem<E[]>({
    area: 'local',
    ...rest,
    fallback: [],
    decode: (stored) => {
      const { valid, invalid } = parseList(stored, field, entry);
      return { value: valid, invalid };
    },
    encode: (value) => ({ version: spec.version, [field]: value }),
  });
}

/** Entries by key, stored as `{version, [field]: {key: entry}}`. */
export function recordItem<E>(spec: EntriesSpec<E>): StorageItem<Record<string, E>> {
  const { entry, field, ...rest } = spec;
  return defineItem<Record<string, E>>({
    area: 'local',
    ...rest,
    fallback: {},
    decode: (stored) => {
      const { valid, invalid } = parseRecord(stored, field, entry);
      return { value: valid, invalid };
    },
    encode: (value) => ({ version: spec.version, [field]: value }),
  });
}

/**
 * One value checked by its zod schema as a whole: what fails it reads as the fallback. Only for
 * values the extension makes itself (session state) or that have a default for every field.
 */
export function valueItem<T>(
  spec: Omit<ItemDefinition<T>, 'decode' | 'encode'> & {
    schema: z.ZodType<T>;
    encode?: (value: T) => unknown;
  },
): StorageItem<T> {
  const { schema, encode, ...rest } = spec;
  return defineItem<T>({
    ...rest,
    decode: (stored): ItemRead<T> => {
      if (stored === undefined) return { value: spec.fallback, invalid: [] };
      const parsed = schema.safeParse(stored);
      return { value: parsed.success ? parsed.data : spec.fallback, invalid: [] };
    },
    encode: encode ?? ((value) => value),
  });
}

export interface ItemFamily<T> {
  /** The key pattern, e.g. `job:<tabId>` (the storage table's row). */
  pattern: string;
  /** The item for one id (the same object for the same id). */
  of(id: number): StorageItem<T>;
  /** The id a stored key is for, or undefined when the key is not of this family. */
  idOf(key: string): number | undefined;
  /** Calls back with the id and the new value of each change, until `signal` aborts. */
  watch(areas: Areas, callback: (id: number, value: T) => void, signal: AbortSignal): void;
  /** The definition behind every member (its key is the pattern). */
  definition: StorageItem<T>;
}

/** Items keyed by a number (`<prefix>:<id>`), one per tab. */
export function itemFamily<T>(prefix: string, define: (key: string) => StorageItem<T>): ItemFamily<T> {
  const pattern = new RegExp(`^${prefix}:(\\d+)$`);
  const definition = define(`${prefix}:<tabId>`);
  const members = new Map<number, StorageItem<T>>();
  const idOf = (key: string) => {
    const m = pattern.exec(key);
    return m ? Number(m[1]) : undefined;
  };
  return {
    pattern: definition.key,
    definition,
    of(id) {
      let item = members.get(id);
      if (!item) members.set(id, (item = define(`${prefix}:${id}`)));
      return item;
    },
    idOf,
    watch(areas, callback, signal) {
      watchKeys(
        areas,
        definition.area,
        (k) => idOf(k) !== undefined,
        (changes) => {
          for (const [key, change] of Object.entries(changes))
            callback(idOf(key) as number, definition.decode(change.newValue).value);
        },
        signal,
      );
    },
  };
}
