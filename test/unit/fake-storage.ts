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
