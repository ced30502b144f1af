// Every value the extension keeps in browser storage, defined once: area, key, version and
// migrations, schema, and what happens to what cannot be read. ARCHITECTURE.md's storage table is
// checked against this list (test/unit/storage-table.test.ts). The stores (storage.ts,
// collection-store.ts, ...) are the operations on these items; pages watch them through
// useStoredItem. Settings, saved postings and the profile have their schemas in the core.
import { z } from 'zod';
import { SavedPostingSchema } from '../core/export/collection';
import { parseProfile, PROFILE_VERSION } from '../core/match';
import { bindKey, loadSettings, SETTINGS_VERSION, type LoadedSettings } from '../core/settings';
import { JobStateSchema, type JobState } from './job-state';
import { readStoredProfile, unreadableValues, type StoredProfile } from './profile-salvage';
import { defineItem, type Areas, type StorageItem } from './storage-item';
import { itemFamily, listItem, recordItem, valueItem } from './storage-kinds';
import { parseRecord, SET_ASIDE, type SetAsideStore } from './stored-list';
import {
  CacheEntrySchema,
  CorrectionSchema,
  PanelPrefsSchema,
  TrainingExampleSchema,
  type PanelPrefs,
  type ResultCache,
} from './stored-schemas';

/**
 * The settings. Their numbered migrations are the core's (loadSettings, shared with the CLI), and
 * they are written back when the extension is installed or updated (background/on-installed.ts),
 * not on read: a damaged record read here keeps its key withheld (see readSettingsForRequest)
 * until the user saves the settings again. Never set aside: the record holds the API key.
 */
export const settingsItem = defineItem<LoadedSettings>({
  area: 'local',
  key: 'settings',
  describes:
    'the settings (migrations in `src/core/settings.ts`), the API key with `keyOrigin`, the origin it is for (closed to page worlds: `setAccessLevel TRUSTED_CONTEXTS`)',
  schemaName: 'SettingsSchema',
  version: SETTINGS_VERSION,
  whenUnreadable: 'a field takes its default, and the saved key is withheld until the settings are saved again',
  fallback: loadSettings(undefined),
  decode: (stored) => ({ value: loadSettings(stored), invalid: [] }),
  encode: (loaded) => bindKey(loaded.settings),
});

export const CACHE_LIMIT = 200;
const CACHE_VERSION = 1;

/**
 * The results cache: each entry (and each URL link) checked by itself, an unreadable entry set
 * aside alone (capped: a cache is only a cache) instead of discarding the cache.
 */
export const resultCacheItem = defineItem<ResultCache>({
  area: 'local',
  key: 'resultCache',
  describes: `results by cache key and by URL, ${CACHE_LIMIT} entries, least recently used dropped`,
  schemaName: 'ResultCacheSchema',
  version: CACHE_VERSION,
  fallback: { entries: {}, byUrl: {} },
  setAside: 'resultCache',
  decode: (stored) => {
    const entries = parseRecord(stored, 'entries', CacheEntrySchema);
    const links = parseRecord(stored, 'byUrl', z.string());
    // Broken URL links point nowhere: nothing to keep of them.
    const byUrl = Object.fromEntries(Object.entries(links.valid).filter(([, k]) => k in entries.valid));
    return { value: { entries: entries.valid, byUrl }, invalid: entries.invalid };
  },
  encode: (cache) => ({ version: CACHE_VERSION, ...cache }),
});

export const collectionItem = listItem({
  key: 'collection',
  describes: 'saved postings for spreadsheets (`unlimitedStorage`)',
  schemaName: 'SavedPostingSchema',
  field: 'postings',
  entry: SavedPostingSchema,
  version: 1,
  setAside: 'collection',
});

export const EXAMPLES_LIMIT = 1000;

export const trainingExamplesItem = listItem({
  key: 'trainingExamples',
  describes: `saved training examples (at most ${EXAMPLES_LIMIT.toLocaleString('en')}: a full store refuses a new one)`,
  schemaName: 'TrainingExampleSchema',
  field: 'examples',
  entry: TrainingExampleSchema,
  version: 1,
  setAside: 'trainingExamples',
});

export const CORRECTIONS_LIMIT = 500;

export const correctionsItem = recordItem({
  key: 'corrections',
  describes: `the user's corrected entities per posting (URL + text hash), ${CORRECTIONS_LIMIT} kept; the model's answer stays in the cache`,
  schemaName: 'CorrectionSchema',
  field: 'entries',
  entry: CorrectionSchema,
  version: 1,
  setAside: 'corrections',
});

/** The profile, salvaged value by value (profile-salvage.ts); what is left out is set aside by the next save. */
export const profileItem = defineItem<StoredProfile>({
  area: 'local',
  key: 'profile',
  describes: 'the candidate profile',
  schemaName: 'ProfileSchema',
  version: PROFILE_VERSION,
  fallback: { profile: null },
  setAside: 'profile',
  decode: (stored) => ({ value: readStoredProfile(stored), invalid: unreadableValues(stored) }),
  encode: (value) => {
    const checked = parseProfile(value.profile);
    if (!checked.ok) throw new Error(checked.error);
    return checked.profile;
  },
});

/** Three switches with a default each: an unreadable one reads as its default (off). */
export const panelPrefsItem = valueItem<PanelPrefs>({
  area: 'local',
  key: 'panelPrefs',
  describes: 'side panel preferences: toolbar opens the panel, extract automatically, agreed to send text',
  schemaName: 'PanelPrefsSchema',
  whenUnreadable: 'a switch reads as off',
  fallback: PanelPrefsSchema.parse({}),
  schema: z.preprocess((v) => (v && typeof v === 'object' ? v : {}), PanelPrefsSchema),
});

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

/**
 * Per-tab state in storage.session, made by the extension and made again on demand (a job by
 * extracting again): nothing the user saved, so an unreadable value reads as none.
 */
export const jobItems = itemFamily('job', (key) =>
  valueItem<JobState | null>({
    area: 'session',
    key,
    describes:
      'the running or finished job of a tab, slimmed to what the popup needs (`toStoredJob`: no sections, text only up to 100,000 characters, its hash always); a job a stopped worker left running is marked failed at the next worker start',
    schemaName: 'JobStateSchema',
    whenUnreadable: 'read as no job (extracting again makes a new one)',
    fallback: null,
    schema: JobStateSchema,
    encode: (job) => (job ? toStoredJob(job) : job),
  }),
);

export const highlightItems = itemFamily('highlight', (key) =>
  valueItem<boolean>({
    area: 'session',
    key,
    describes: 'set while the tab’s page shows the entity highlights (a navigation clears it)',
    schemaName: 'boolean',
    whenUnreadable: 'read as off',
    fallback: false,
    schema: z.boolean(),
  }),
);

export const selectionItems = itemFamily('selection', (key) =>
  valueItem<string | null>({
    area: 'session',
    key,
    describes: 'the text selected when the user chose "Extract entities from selection" in the context menu',
    schemaName: 'string',
    whenUnreadable: 'read as no selection',
    fallback: null,
    schema: z.string().transform((s) => (s.trim() ? s : null)),
  }),
);

/** Each store's unreadable entries, kept for Export or Delete on the options page (stored-list.ts). */
export const setAsideItems = Object.fromEntries(
  Object.entries(SET_ASIDE).map(([store, { key, label }]) => [
    store,
    defineItem<unknown[]>({
      area: 'local',
      key,
      describes: `${label}: entries that could not be read, set aside (listed on the options page with Export and Delete)`,
      schemaName: 'none (kept as found)',
      whenUnreadable: 'kept: a value that is not a list is read as a list of one',
      fallback: [],
      // A set-aside list that is itself not a list is kept inside the new one, not lost.
      decode: (stored) => ({
        value: stored === undefined ? [] : Array.isArray(stored) ? stored : [stored],
        invalid: [],
      }),
      encode: (items) => items,
    }),
  ]),
) as Record<SetAsideStore, StorageItem<unknown[]>>;

/** Calls back when any store's set-aside entries change, until `signal` aborts (the options page's list). */
export function watchSetAside(areas: Areas, callback: () => void, signal: AbortSignal): void {
  for (const item of Object.values(setAsideItems)) item.watch(areas, callback, signal);
}

/** Every item, for the storage table (per-tab families by their definition, keyed `<prefix>:<tabId>`). */
export const STORAGE_ITEMS: readonly StorageItem<unknown>[] = [
  settingsItem,
  resultCacheItem,
  jobItems.definition,
  correctionsItem,
  trainingExamplesItem,
  collectionItem,
  profileItem,
  panelPrefsItem,
  highlightItems.definition,
  selectionItems.definition,
  ...Object.values(setAsideItems),
] as readonly StorageItem<unknown>[];
