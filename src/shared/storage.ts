// Extension storage: settings in storage.local (never sync: the key stays on this machine), the
// results cache in storage.local, and per-tab job state in storage.session (survives the worker
// being stopped, cleared when the browser closes). Functions take the storage area as a parameter
// so unit tests can pass an in-memory one.
import { z } from 'zod';
import { ExtractionResultSchema } from '../core/entities';
import { PostingSchema } from '../core/posting';
import { ExtractionError } from '../core/errors';
import { bindKey, loadSettings, resolveProvider, type LoadedSettings, type Settings } from '../core/settings';
import { JobStateSchema, type JobState, type PublicSettings } from './messages';
import { parseRecord, writeWithSetAside, type KeyedItem } from './stored-list';

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

/** Stored settings through the core's loadSettings: defaults merged, migrated, invalid -> defaults, the key only for its origin. */
export async function readSettings(area: StorageAreaLike): Promise<Settings> {
  return (await readStoredSettings(area)).settings;
}

export async function readStoredSettings(area: StorageAreaLike): Promise<LoadedSettings> {
  const got = await area.get(SETTINGS_KEY);
  return loadSettings(got[SETTINGS_KEY]);
}

/**
 * The settings a request may run with. A saved key that was withheld (damaged record, base URL off
 * the key's origin) stops a model request before it starts: the user re-enters the settings rather
 * than the request going key-less (or, worse, keyed) to a default server.
 */
export async function readSettingsForRequest(area: StorageAreaLike): Promise<Settings> {
  const { settings, keyWithheld, reset } = await readStoredSettings(area);
  if (keyWithheld && resolveProvider(settings) === 'openai') {
    const what = reset.length ? ` (${reset.join(', ')} could not be read)` : '';
    throw new ExtractionError(
      'settings_damaged',
      `The saved settings were damaged${what}, so the saved API key was not used. Open the settings, check them and enter the key again.`,
    );
  }
  return settings;
}

/** Stored with the key bound to the origin it is for (see bindKey). */
export async function writeSettings(area: StorageAreaLike, settings: Settings): Promise<void> {
  await area.set({ [SETTINGS_KEY]: bindKey(settings) });
}

/** What a page may see: never the key itself; whether settings were reset or a key was withheld. */
export function toPublicSettings(s: Settings, loaded?: Pick<LoadedSettings, 'reset' | 'keyWithheld'>): PublicSettings {
  const { apiKey, keyOrigin: _origin, ...rest } = s;
  return {
    ...rest,
    hasKey: apiKey.length > 0,
    ...(loaded?.reset.length ? { reset: loaded.reset } : {}),
    ...(loaded?.keyWithheld ? { keyWithheld: true } : {}),
  };
}

// ---- results cache ----

export const CacheEntrySchema = z.object({
  result: ExtractionResultSchema,
  posting: PostingSchema,
  /** Last use (ms since epoch): the least recently used entry goes first when the cache is full. */
  usedAt: z.number(),
  /** The posting was cut at the text cap before it was sent (see JobState.cut). */
  cut: z.object({ total: z.number().int(), kept: z.number().int(), requests: z.number().int() }).optional(),
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

/**
 * The cache whatever its wrapper: each entry (and each URL link) checked by itself, an unreadable
 * entry set aside alone on the next write (stored-list.ts's policy) instead of discarding the cache.
 */
function parseCache(raw: unknown): { cache: ResultCache; invalid: KeyedItem[] } {
  const entries = parseRecord(raw, 'entries', CacheEntrySchema);
  const links = parseRecord(raw, 'byUrl', z.string());
  const byUrl = Object.fromEntries(Object.entries(links.valid).filter(([, k]) => k in entries.valid));
  // Broken URL links point nowhere: nothing to keep of them.
  return { cache: { entries: entries.valid, byUrl }, invalid: entries.invalid };
}

async function readCacheForWrite(area: StorageAreaLike): Promise<{ cache: ResultCache; invalid: KeyedItem[] }> {
  return parseCache((await area.get(CACHE_KEY))[CACHE_KEY]);
}

export async function readCache(area: StorageAreaLike): Promise<ResultCache> {
  return (await readCacheForWrite(area)).cache;
}

export async function getCached(
  area: StorageAreaLike,
  key: { text?: string; url?: string },
): Promise<CacheEntry | undefined> {
  const { cache, invalid } = await readCacheForWrite(area);
  const entryKey = key.text ?? (key.url ? cache.byUrl[key.url] : undefined);
  if (!entryKey) return undefined;
  const entry = cache.entries[entryKey];
  if (!entry) return undefined;
  entry.usedAt = Date.now();
  // Recording the use need not delay the answer. Unreadable entries stay where they are: only an
  // awaited write (putCached) moves them aside, so two quick reads never set one aside twice.
  const kept = {
    ...cache,
    entries: {
      ...Object.fromEntries(invalid.filter((i) => i.key !== 'entries').map((i) => [i.key, i.value])),
      ...cache.entries,
    },
  };
  void area.set({ [CACHE_KEY]: kept }).catch(() => undefined);
  return entry;
}

/** Insert, then evict the least recently used entries (and their URL links) beyond the limit. */
export function addToCache(
  cache: ResultCache,
  textKey: string,
  urlKey: string | undefined,
  entry: CacheEntry,
  limit = CACHE_LIMIT,
): ResultCache {
  const entries = { ...cache.entries, [textKey]: entry };
  const byUrl = { ...cache.byUrl };
  if (urlKey) byUrl[urlKey] = textKey;
  const keys = Object.keys(entries).sort((a, b) => entries[a].usedAt - entries[b].usedAt);
  for (const k of keys.slice(0, Math.max(0, keys.length - limit))) delete entries[k];
  for (const [u, k] of Object.entries(byUrl)) if (!(k in entries)) delete byUrl[u];
  return { entries, byUrl };
}

export async function putCached(
  area: StorageAreaLike,
  textKey: string,
  urlKey: string | undefined,
  entry: CacheEntry,
): Promise<void> {
  const { cache, invalid } = await readCacheForWrite(area);
  await writeWithSetAside(area, { [CACHE_KEY]: addToCache(cache, textKey, urlKey, entry) }, 'resultCache', invalid);
}

// ---- per-tab job state (storage.session) ----

export function jobKey(tabId: number): string {
  return `job:${tabId}`;
}

/**
 * Removes the finished jobs (done or failed) not made with `settingsKey`: after a settings change a
 * reopened popup must not paint an answer from the old settings before the worker's new one.
 */
export async function dropStaleFinishedJobs(
  area: { get(keys: null): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> },
  settingsKey: string,
): Promise<number> {
  const all = await area.get(null);
  const stale = Object.entries(all)
    .filter(([key]) => /^job:\d+$/.test(key))
    .filter(([, value]) => {
      const job = JobStateSchema.safeParse(value);
      return (
        !job.success ||
        ((job.data.status === 'done' || job.data.status === 'error') && job.data.settingsKey !== settingsKey)
      );
    })
    .map(([key]) => key);
  if (stale.length) await area.remove(stale);
  return stale.length;
}

/**
 * Jobs still marked capturing or extracting when a worker starts: the worker that ran them was
 * stopped (an idle stop, an update, a crash), and nothing will ever finish them. Marked failed so a
 * reopened popup offers Try again instead of a spinner that never ends. Returns how many.
 */
export async function markOrphanedJobs(area: {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}): Promise<number> {
  const all = await area.get(null);
  const orphans: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) {
    if (!/^job:\d+$/.test(key)) continue;
    const job = JobStateSchema.safeParse(value);
    if (!job.success || (job.data.status !== 'capturing' && job.data.status !== 'extracting')) continue;
    orphans[key] = {
      ...job.data,
      status: 'error',
      error: {
        code: 'cancelled',
        message: 'The extraction stopped because the browser stopped the extension in the background. Click Try again.',
      },
      finishedAt: Date.now(),
    };
  }
  if (Object.keys(orphans).length) await area.set(orphans);
  return Object.keys(orphans).length;
}

export async function readJob(area: StorageAreaLike, tabId: number): Promise<JobState | null> {
  const got = await area.get(jobKey(tabId));
  const parsed = JobStateSchema.safeParse(got[jobKey(tabId)]);
  return parsed.success ? parsed.data : null;
}

/** The longest posting text a job keeps: what a training example may hold (longer ones cannot be saved as one anyway). */
export const JOB_TEXT_LIMIT = 100_000;

/**
 * What storage.session keeps of a job: only what the popup needs (title, company, location, URL,
 * text hash, result). storage.session has a small quota shared by every tab: a 2 MB posting's text
 * and sections in each job filled it with two tabs.
 */
export function toStoredJob(job: JobState): JobState {
  if (!job.posting) return job;
  // A small posting keeps its text and sections (Save as training example reads them); a large one neither.
  if (job.posting.text.length <= JOB_TEXT_LIMIT) return job;
  const { sections: _sections, ...posting } = job.posting;
  return { ...job, posting: { ...posting, text: '' } };
}

export async function writeJob(area: StorageAreaLike, job: JobState): Promise<void> {
  await area.set({ [jobKey(job.tabId)]: toStoredJob(job) });
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
