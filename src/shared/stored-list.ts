// The shared shape of a durable list in storage.local ({version, <list>: [...]}, or a bare array):
// each entry is validated by itself on read, so a damaged entry is set aside under its own key
// instead of hiding or losing the rest.
import { z } from 'zod';
import type { StorageAreaLike } from './storage';

export interface ListRead<T> {
  valid: T[];
  /** Stored entries that failed validation. */
  invalid: unknown[];
}

/**
 * A reader of a stored list whose entries are `entry`: it validates each entry by itself, and
 * anything unreadable becomes `invalid`, never an exception. The stored value is
 * `{version, [field]: [...]}` or a bare array (an older or hand-made store).
 */
export function storedListReader<T>(field: string, entry: z.ZodType<T>): (raw: unknown) => ListRead<T> {
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

/** The set-aside list after adding `invalid`: what is stored under `key` first, the newest `limit` kept. */
export async function appendSetAside(area: StorageAreaLike, key: string, invalid: unknown[], limit: number): Promise<unknown[]> {
  const got = await area.get(key);
  const before = Array.isArray(got[key]) ? (got[key] as unknown[]) : [];
  return [...before, ...invalid].slice(-limit);
}
