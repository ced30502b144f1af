// Extension storage: settings in storage.local (never sync: the key stays on this machine), the
// results cache in storage.local, and per-tab job state in storage.session (survives the worker
// being stopped, cleared when the browser closes). Functions take the storage area as a parameter
// so unit tests can pass an in-memory one.
import { z } from 'zod';
import { ExtractionResultSchema } from '../core/entities';
import { PostingSchema } from '../core/posting';
import { loadSettings, type Settings } from '../core/settings';
import { JobStateSchema, type JobState, type PublicSettings } from './messages';

/** The part of browser.storage.StorageArea this module uses. */
export interface StorageAreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const SETTINGS_KEY = 'settings';
export const CACHE_KEY = 'resultCache';
export const CACHE_LIMIT = 200;

// ---- settings ----

/** Stored settings through the core's loadSettings: defaults merged, migrated, invalid -> defaults, key kept. */
export async function readSettings(area: StorageAreaLike): Promise<Settings> {
  const got = await area.get(SETTINGS_KEY);
  return loadSettings(got[SETTINGS_KEY]).settings;
}

export async function writeSettings(area: StorageAreaLike, settings: Settings): Promise<void> {
  await area.set({ [SETTINGS_KEY]: settings });
}

/** What a page may see: never the key itself. */
export function toPublicSettings(s: Settings): PublicSettings {
  const { apiKey, ...rest } = s;
  return { ...rest, hasKey: apiKey.length > 0 };
}

// ---- results cache ----

export const CacheEntrySchema = z.object({
  result: ExtractionResultSchema,
  posting: PostingSchema,
  /** Last use (ms since epoch): the least recently used entry goes first when the cache is full. */
  usedAt: z.number(),
});
export type CacheEntry = z.infer<typeof CacheEntrySchema>;

/**
 * `entries` is keyed by the core's cacheKey (posting text + answer-changing settings); `byUrl`
 * maps a URL key (the same cacheKey function over the tab's URL) to an entry key, so a reopened
 * popup finds the result without capturing the page again.
 */
export const ResultCacheSchema = z.object({
  entries: z.record(z.string(), CacheEntrySchema),
  byUrl: z.record(z.string(), z.string()),
});
export type ResultCache = z.infer<typeof ResultCacheSchema>;

export async function readCache(area: StorageAreaLike): Promise<ResultCache> {
  const got = await area.get(CACHE_KEY);
  const parsed = ResultCacheSchema.safeParse(got[CACHE_KEY]);
  // A cache in an old or broken shape is only a cache: start over.
  return parsed.success ? parsed.data : { entries: {}, byUrl: {} };
}

export async function getCached(area: StorageAreaLike, key: { text?: string; url?: string }): Promise<CacheEntry | undefined> {
  const cache = await readCache(area);
  const entryKey = key.text ?? (key.url ? cache.byUrl[key.url] : undefined);
  if (!entryKey) return undefined;
  const entry = cache.entries[entryKey];
  if (!entry) return undefined;
  entry.usedAt = Date.now();
  // Recording the use need not delay the answer.
  void area.set({ [CACHE_KEY]: cache }).catch(() => undefined);
  return entry;
}

/** Insert, then evict the least recently used entries (and their URL links) beyond the limit. */
export function addToCache(cache: ResultCache, textKey: string, urlKey: string | undefined, entry: CacheEntry, limit = CACHE_LIMIT): ResultCache {
  const entries = { ...cache.entries, [textKey]: entry };
  const byUrl = { ...cache.byUrl };
  if (urlKey) byUrl[urlKey] = textKey;
  const keys = Object.keys(entries).sort((a, b) => entries[a].usedAt - entries[b].usedAt);
  for (const k of keys.slice(0, Math.max(0, keys.length - limit))) delete entries[k];
  for (const [u, k] of Object.entries(byUrl)) if (!(k in entries)) delete byUrl[u];
  return { entries, byUrl };
}

export async function putCached(area: StorageAreaLike, textKey: string, urlKey: string | undefined, entry: CacheEntry): Promise<void> {
  const cache = await readCache(area);
  await area.set({ [CACHE_KEY]: addToCache(cache, textKey, urlKey, entry) });
}

// ---- per-tab job state (storage.session) ----

export function jobKey(tabId: number): string {
  return `job:${tabId}`;
}

/**
 * Removes the finished jobs (done or failed) not made with `settingsKey`: after a settings change a
 * reopened popup must not paint an answer from the old settings before the worker's new one.
 */
export async function dropStaleFinishedJobs(area: { get(keys: null): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> }, settingsKey: string): Promise<number> {
  const all = await area.get(null);
  const stale = Object.entries(all)
    .filter(([key]) => /^job:\d+$/.test(key))
    .filter(([, value]) => {
      const job = JobStateSchema.safeParse(value);
      return !job.success || ((job.data.status === 'done' || job.data.status === 'error') && job.data.settingsKey !== settingsKey);
    })
    .map(([key]) => key);
  if (stale.length) await area.remove(stale);
  return stale.length;
}

export async function readJob(area: StorageAreaLike, tabId: number): Promise<JobState | null> {
  const got = await area.get(jobKey(tabId));
  const parsed = JobStateSchema.safeParse(got[jobKey(tabId)]);
  return parsed.success ? parsed.data : null;
}

export async function writeJob(area: StorageAreaLike, job: JobState): Promise<void> {
  await area.set({ [jobKey(job.tabId)]: job });
}

export async function removeJob(area: StorageAreaLike, tabId: number): Promise<void> {
  await area.remove([jobKey(tabId), selectionKey(tabId), highlightKey(tabId)]);
}

/** Set while the tab's page shows the entity highlights (a navigation clears both). */
export function highlightKey(tabId: number): string {
  return `highlight:${tabId}`;
}

/** The text selected when the user chose "Extract entities from selection" in the context menu. */
export function selectionKey(tabId: number): string {
  return `selection:${tabId}`;
}

export async function readSelection(area: StorageAreaLike, tabId: number): Promise<string | undefined> {
  const got = await area.get(selectionKey(tabId));
  const v = got[selectionKey(tabId)];
  return typeof v === 'string' && v.trim() ? v : undefined;
}
