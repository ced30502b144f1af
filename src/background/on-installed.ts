// runtime.onInstalled: settings carry a version, and the migration runs when the extension is
// installed or updated, not only lazily on each read. The stored settings go through the core's
// loadSettings (numbered migrations, invalid fields -> defaults, the API key kept) and the result
// is written back to storage.local (never sync: the key stays on this machine).
import browser, { type Runtime } from 'webextension-polyfill';
import { loadSettings } from '../core/settings';
import { SETTINGS_KEY, writeSettings, type StorageAreaLike } from '../shared/storage';
import { errorMessage } from '../core/text';

export type SettingsMigration =
  /** Not an install or an update (e.g. the browser itself was updated). */
  | { outcome: 'ignored' }
  /** Nothing stored yet: the defaults apply on read, nothing to write. */
  | { outcome: 'nothing-stored' }
  /** Stored settings are already current and valid. */
  | { outcome: 'unchanged' }
  /** Migrated settings written back; `reset` names fields that were invalid and took their default. */
  | { outcome: 'written'; reset: string[] }
  /** Writing would have lost the stored API key: left as it is (loadSettings still reads it on each use). */
  | { outcome: 'kept-key'; reset: string[] };

/**
 * Migrates the stored settings in `area` (storage.local) on 'install' and 'update'. Writes only when
 * something changes, so a fresh install writes nothing and an up-to-date one is left alone.
 */
export async function migrateStoredSettings(
  details: Pick<Runtime.OnInstalledDetailsType, 'reason'>,
  area: StorageAreaLike = browser.storage.local,
): Promise<SettingsMigration> {
  if (details.reason !== 'install' && details.reason !== 'update') return { outcome: 'ignored' };
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (stored === undefined) return { outcome: 'nothing-stored' };
  const { settings, reset } = loadSettings(stored);
  if (sameJSON(stored, settings)) return { outcome: 'unchanged' };
  const storedKey = storedApiKey(stored);
  if (storedKey && !settings.apiKey) return { outcome: 'kept-key', reset };
  await writeSettings(area, settings);
  return { outcome: 'written', reset };
}

/** The listener registered by index.ts: a failure is logged, never thrown into the event. */
export async function onInstalled(details: Runtime.OnInstalledDetailsType): Promise<void> {
  try {
    const r = await migrateStoredSettings(details);
    if ((r.outcome === 'written' || r.outcome === 'kept-key') && r.reset.length > 0) {
      console.warn(
        `job-entities: invalid saved settings were reset to their defaults (${r.reset.join(', ')}). Check them on the options page.`,
      );
    }
  } catch (err) {
    console.warn(
      `job-entities: the saved settings could not be migrated (${errorMessage(err)}); they are migrated again on each read.`,
    );
  }
}

/** A key under its current or an older name (version 0 called it `openaiKey`). */
function storedApiKey(stored: unknown): string {
  if (!stored || typeof stored !== 'object') return '';
  const s = stored as Record<string, unknown>;
  for (const k of [s.apiKey, s.openaiKey]) if (typeof k === 'string' && k.trim()) return k.trim();
  return '';
}

function sameJSON(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}
