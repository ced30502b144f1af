// An in-memory browser.storage area for unit tests: values are copied on the way in and on the way
// out (as the browser does), so a test can never change stored data by mutating what it read.
import type { StorageAreaLike } from '../../src/shared/storage';

export type MemoryArea = StorageAreaLike & {
  data: Record<string, unknown>;
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
};

/** A copy through JSON (what JSON cannot hold is lost or refused). */
export const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/**
 * An in-memory storage area holding `initial` (copied). `copy` is how values are copied:
 * structuredClone by default, or `jsonCopy`.
 */
export function memoryArea(
  initial: Record<string, unknown> = {},
  copy: <T>(value: T) => T = structuredClone,
): MemoryArea {
  const data: Record<string, unknown> = copy(initial);
  return {
    data,
    async get(keys: string | string[] | null) {
      const out: Record<string, unknown> = {};
      // null reads everything, as in the browser.
      for (const k of keys === null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys])
        if (k in data) out[k] = copy(data[k]);
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data[k] = copy(v);
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
    },
  };
}

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => void;

/**
 * In-memory local and session areas with a storage.onChanged that fires after each set or remove,
 * as the browser does (only for keys whose value was given).
 */
export function memoryAreas(initial: { local?: Record<string, unknown>; session?: Record<string, unknown> } = {}) {
  const listeners = new Set<Listener>();
  const announce = (name: string, area: MemoryArea): MemoryArea => ({
    ...area,
    data: area.data,
    async set(items) {
      const changes = Object.fromEntries(
        Object.entries(items).map(([k, v]) => [k, { oldValue: area.data[k], newValue: structuredClone(v) }]),
      );
      await area.set(items);
      for (const l of listeners) l(changes, name);
    },
    async remove(keys) {
      const list = Array.isArray(keys) ? keys : [keys];
      const changes = Object.fromEntries(
        list.filter((k) => k in area.data).map((k) => [k, { oldValue: area.data[k] }]),
      );
      await area.remove(keys);
      if (Object.keys(changes).length) for (const l of listeners) l(changes, name);
    },
  });
  return {
    local: announce('local', memoryArea(initial.local)),
    session: announce('session', memoryArea(initial.session)),
    onChanged: {
      addListener: (l: Listener) => void listeners.add(l),
      removeListener: (l: Listener) => void listeners.delete(l),
      hasListeners: () => listeners.size > 0,
    },
  };
}
