// One typed API for everything the extension keeps in browser storage, in the spirit of WXT's
// defineItem: a definition names the area, the key, the version with its numbered migrations and how
// a stored value is read (each entry validated by itself, see stored-list.ts) and written. Every
// read-modify-write runs under a lock; entries that fail validation are set aside by the write that
// meets them (stored-list.ts's one policy), never dropped. The areas are injected: the extension
// passes browser.storage (browser-areas.ts), unit tests and runJob pass in-memory ones.
import { SET_ASIDE, withLock, writeWithSetAside, type SetAsideStore } from './stored-list';

/** The part of browser.storage.StorageArea the stores use. */
export interface StorageAreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export type AreaName = 'local' | 'session' | 'sync';

export interface StorageChangeLike {
  oldValue?: unknown;
  newValue?: unknown;
}
export type ChangeListener = (changes: Record<string, StorageChangeLike>, areaName: string) => void;

/** The part of browser.storage.onChanged `watch` uses. */
export interface ChangeEvents {
  addListener(listener: ChangeListener): void;
  removeListener(listener: ChangeListener): void;
}

/** The storage areas an item is read from and written to, and where changes are announced. */
export interface Areas {
  local?: StorageAreaLike;
  session?: StorageAreaLike;
  sync?: StorageAreaLike;
  onChanged?: ChangeEvents;
}

/** A stored value as read: the value, and the stored entries that failed validation. */
export interface ItemRead<T> {
  value: T;
  /** Set aside (under the definition's set-aside key) by the next write. */
  invalid: unknown[];
}

/** A migration from the version before its number to its number, over the stored value. */
export type Migration = (stored: unknown) => unknown;

export interface ItemDefinition<T> {
  area: AreaName;
  key: string;
  /** What it holds, for the storage table in ARCHITECTURE.md. */
  describes: string;
  /** The zod schema's name (of the value, or of one entry for list and keyed stores). */
  schemaName: string;
  /** The value when nothing (readable) is stored. */
  fallback: T;
  /** The version written now; undefined for values without one (session state, preferences). */
  version?: number;
  /** `{2: (v1) => v2, 3: (v2) => v3}`: run in order on a stored value of an older version. */
  migrations?: Record<number, Migration>;
  /** Where unreadable entries go. Left out only where nothing the user saved is held (see the registry). */
  setAside?: SetAsideStore;
  /** Without `setAside`: what an unreadable value reads as, in words for the storage table. */
  whenUnreadable?: string;
  /** The stored (migrated) value as a value; never throws. */
  decode(stored: unknown): ItemRead<T>;
  /** The value as stored. */
  encode(value: T): unknown;
}

export interface StorageItem<T> extends ItemDefinition<T> {
  /** Never throws: a value the browser cannot read is the fallback. */
  get(areas: Areas): Promise<T>;
  /** The value and what reading left out. Throws when the browser cannot read the area. */
  read(areas: Areas): Promise<ItemRead<T>>;
  /** Replaces the value (under the lock; what the stored value held unreadable is set aside). */
  set(areas: Areas, value: T): Promise<void>;
  remove(areas: Areas): Promise<void>;
  /**
   * Read, change, write, one at a time across the extension's pages. A store the browser cannot
   * read throws here: it is never written over with a change of the fallback. A change that returns
   * the value it was given writes nothing (unless entries are to be set aside or migrated).
   */
  update(areas: Areas, change: (value: T) => T): Promise<T>;
  /** Calls back with each new value until `signal` aborts. */
  watch(areas: Areas, callback: (value: T, read: ItemRead<T>) => void, signal: AbortSignal): void;
}

export function areaOf(areas: Areas, name: AreaName): StorageAreaLike {
  const area = areas[name];
  if (!area) throw new Error(`No storage.${name} area was given.`);
  return area;
}

/** The one storage.onChanged subscription: `callback` for changes of `keys` in `area`, until `signal` aborts. */
export function watchKeys(
  areas: Areas,
  area: AreaName,
  keys: (key: string) => boolean,
  callback: (changes: Record<string, StorageChangeLike>) => void,
  signal: AbortSignal,
): void {
  const events = areas.onChanged;
  if (!events || signal.aborted) return;
  const listener: ChangeListener = (changes, areaName) => {
    if (areaName !== area) return;
    const mine = Object.fromEntries(Object.entries(changes).filter(([k]) => keys(k)));
    if (Object.keys(mine).length) callback(mine);
  };
  events.addListener(listener);
  signal.addEventListener('abort', () => events.removeListener(listener), { once: true });
}

const versionOf = (stored: unknown): number | undefined => {
  const v = (stored as { version?: unknown } | null)?.version;
  return typeof v === 'number' ? v : undefined;
};

/**
 * The stored value brought to the definition's version, and whether a migration ran. A stored value
 * without a version counts as version 1; a migration that throws leaves the value as it was (its
 * entries are then validated, and set aside, one by one).
 */
export function migrate(def: Pick<ItemDefinition<unknown>, 'version' | 'migrations'>, stored: unknown) {
  if (stored === undefined || stored === null || def.version === undefined || !def.migrations)
    return { stored, migrated: false };
  let v = versionOf(stored) ?? 1;
  let out: unknown = stored;
  try {
    while (v < def.version) {
      v++;
      const step = def.migrations[v];
      if (step) out = step(out);
    }
  } catch {
    return { stored, migrated: false };
  }
  return { stored: out, migrated: out !== stored };
}

export function defineItem<T>(def: ItemDefinition<T>): StorageItem<T> {
  const area = (areas: Areas) => areaOf(areas, def.area);
  const decodeStored = (stored: unknown) => {
    const m = migrate(def, stored);
    return { ...def.decode(m.stored), migrated: m.migrated };
  };
  const readStored = async (areas: Areas) => (await area(areas).get(def.key))[def.key];
  const write = async (areas: Areas, value: T, invalid: unknown[]) => {
    const items = { [def.key]: def.encode(value) };
    if (def.setAside) await writeWithSetAside(area(areas), items, def.setAside, invalid);
    else await area(areas).set(items);
  };
  const update = (areas: Areas, change: (value: T) => T) =>
    withLock(`job-entities:${def.key}`, async () => {
      const { value, invalid, migrated } = decodeStored(await readStored(areas));
      const next = change(value);
      // The value given back unchanged, with nothing to set aside or migrate: nothing to write.
      if (next !== value || invalid.length > 0 || migrated) await write(areas, next, invalid);
      return next;
    });
  const read = async (areas: Areas): Promise<ItemRead<T>> => {
    const stored = await readStored(areas);
    const { value, invalid, migrated } = decodeStored(stored);
    // An older version is written back migrated, under the lock, unless it changed meanwhile.
    if (migrated)
      await withLock(`job-entities:${def.key}`, async () => {
        const again = decodeStored(await readStored(areas));
        if (again.migrated) await write(areas, again.value, again.invalid);
      }).catch(() => undefined);
    return { value, invalid };
  };
  return {
    ...def,
    read,
    async get(areas) {
      try {
        return (await read(areas)).value;
      } catch {
        return def.fallback;
      }
    },
    set: async (areas, value) => void (await update(areas, () => value)),
    remove: (areas) => withLock(`job-entities:${def.key}`, () => area(areas).remove(def.key)),
    update,
    watch(areas, callback, signal) {
      watchKeys(
        areas,
        def.area,
        (k) => k === def.key,
        (changes) => {
          const { value, invalid } = decodeStored(changes[def.key].newValue);
          callback(value, { value, invalid });
        },
        signal,
      );
    },
  };
}

/** Where a store's unreadable entries are listed (see SET_ASIDE). */
export function setAsideKeyOf(item: Pick<ItemDefinition<unknown>, 'setAside'>): string | undefined {
  return item.setAside ? SET_ASIDE[item.setAside].key : undefined;
}
