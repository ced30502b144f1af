// Extension storage: settings in storage.local (never sync: the key stays on this machine), the
// results cache in storage.local, and per-tab job state in storage.session (survives the worker
// being stopped, cleared when the browser closes). The items are defined in storage-items.ts;
// functions take the storage area as a parameter so unit tests can pass an in-memory one.
import { ExtractionError } from '../core/errors';
import { resolveProvider, type LoadedSettings, type Settings } from '../core/settings';
import type { JobState } from './job-state';
import type { PublicSettings } from './messages';
import type { StorageAreaLike } from './storage-item';
import { CACHE_LIMIT, highlightItems, jobItems, resultCacheItem, selectionItems, settingsItem } from './storage-items';
import { evictLeastRecent } from './stored-list';
import type { CacheEntry, ResultCache } from './stored-schemas';

export type { StorageAreaLike } from './storage-item';
export { CacheEntrySchema, ResultCacheSchema, type CacheEntry, type ResultCache } from './stored-schemas';
export { CACHE_LIMIT, JOB_TEXT_LIMIT, toStoredJob } from './storage-items';

export const SETTINGS_KEY = settingsItem.key;
export const CACHE_KEY = resultCacheItem.key;

// ---- settings ----

/** Stored settings through the core's loadSettings: defaults merged, migrated, invalid -> defaults, the key only for its origin. */
export async function readSettings(area: StorageAreaLike): Promise<Settings> {
  return (await readStoredSettings(area)).settings;
}

export async function readStoredSettings(area: StorageAreaLike): Promise<LoadedSettings> {
  return (await settingsItem.read({ local: area })).value;
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
  await settingsItem.set({ local: area }, { settings, reset: [], keyWithheld: false });
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

export async function readCache(area: StorageAreaLike): Promise<ResultCache> {
  return (await resultCacheItem.read({ local: area })).value;
}

/**
 * The entry for a text key, or for a URL key through its link. Its last use is recorded under the
 * cache's lock, so it never overwrites an entry putCached is writing; a failed record of the use
 * still answers.
 */
export async function getCached(
  area: StorageAreaLike,
  key: { text?: string; url?: string },
): Promise<CacheEntry | undefined> {
  const cache = await readCache(area);
  const entryKey = key.text ?? (key.url ? cache.byUrl[key.url] : undefined);
  const entry = entryKey ? cache.entries[entryKey] : undefined;
  if (!entryKey || !entry) return undefined;
  const usedAt = Date.now();
  await resultCacheItem
    .update({ local: area }, (now) => {
      const current = now.entries[entryKey];
      return current ? { ...now, entries: { ...now.entries, [entryKey]: { ...current, usedAt } } } : now;
    })
    .catch(() => undefined);
  return { ...entry, usedAt };
}

/** Insert, then evict the least recently used entries (and their URL links) beyond the limit. */
export function addToCache(
  cache: ResultCache,
  textKey: string,
  urlKey: string | undefined,
  entry: CacheEntry,
  limit = CACHE_LIMIT,
): ResultCache {
  const entries = evictLeastRecent({ ...cache.entries, [textKey]: entry }, (e) => e.usedAt, limit);
  const byUrl = { ...cache.byUrl };
  if (urlKey) byUrl[urlKey] = textKey;
  for (const [u, k] of Object.entries(byUrl)) if (!(k in entries)) delete byUrl[u];
  return { entries, byUrl };
}

export async function putCached(
  area: StorageAreaLike,
  textKey: string,
  urlKey: string | undefined,
  entry: CacheEntry,
): Promise<void> {
  await resultCacheItem.update({ local: area }, (cache) => addToCache(cache, textKey, urlKey, entry));
}

// ---- per-tab job state (storage.session) ----

export function jobKey(tabId: number): string {
  return jobItems.of(tabId).key;
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
    .filter(([key]) => jobItems.idOf(key) !== undefined)
    .filter(([, value]) => {
      const job = jobItems.definition.decode(value).value;
      return !job || ((job.status === 'done' || job.status === 'error') && job.settingsKey !== settingsKey);
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
export async function markOrphanedJobs(
  area: StorageAreaLike & { get(keys: null): Promise<Record<string, unknown>> },
): Promise<number> {
  const ids = Object.keys(await area.get(null)).flatMap((key) => jobItems.idOf(key) ?? []);
  let marked = 0;
  for (const id of ids)
    // Each under its job's lock: a job a new worker starts meanwhile is not marked.
    await jobItems.of(id).update({ session: area }, (job) => {
      if (!job || (job.status !== 'capturing' && job.status !== 'extracting')) return job;
      marked++;
      return {
        ...job,
        status: 'error',
        error: {
          code: 'cancelled',
          message:
            'The extraction stopped because the browser stopped the extension in the background. Click Try again.',
        },
        finishedAt: Date.now(),
      };
    });
  return marked;
}

export async function readJob(area: StorageAreaLike, tabId: number): Promise<JobState | null> {
  return jobItems.of(tabId).get({ session: area });
}

/** Stored slimmed (toStoredJob). */
export async function writeJob(area: StorageAreaLike, job: JobState): Promise<void> {
  await jobItems.of(job.tabId).set({ session: area }, job);
}

export async function removeJob(area: StorageAreaLike, tabId: number): Promise<void> {
  await area.remove([jobKey(tabId), selectionKey(tabId), highlightKey(tabId)]);
}

/** Set while the tab's page shows the entity highlights (a navigation clears both). */
export function highlightKey(tabId: number): string {
  return highlightItems.of(tabId).key;
}

/** The text selected when the user chose "Extract entities from selection" in the context menu. */
export function selectionKey(tabId: number): string {
  return selectionItems.of(tabId).key;
}

export async function readSelection(area: StorageAreaLike, tabId: number): Promise<string | undefined> {
  return (await selectionItems.of(tabId).get({ session: area })) ?? undefined;
}
