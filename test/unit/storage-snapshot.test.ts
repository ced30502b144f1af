// Storage written by version 0.1.0 (test/fixtures/storage-snapshot-0.1.0.json, made by
// scripts/storage-snapshot.ts with that version's store functions) read through today's storage
// items: every entry a user saved comes back unchanged, nothing is set aside or dropped, and a
// write through each item keeps it so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  collectionItem,
  correctionsItem,
  highlightItems,
  jobItems,
  panelPrefsItem,
  profileItem,
  resultCacheItem,
  selectionItems,
  setAsideItems,
  settingsItem,
  STORAGE_ITEMS,
  trainingExamplesItem,
} from '../../src/shared/storage-items';
import { readAllSetAside } from '../../src/shared/stored-list';
import { readSettingsForRequest } from '../../src/shared/storage';
import { memoryAreas } from './fake-storage';

interface Snapshot {
  version: string;
  local: Record<string, any>;
  session: Record<string, any>;
}
const snapshot = JSON.parse(
  readFileSync(new URL('../fixtures/storage-snapshot-0.1.0.json', import.meta.url), 'utf8'),
) as Snapshot;
const load = () => memoryAreas({ local: snapshot.local, session: snapshot.session });
const { local, session } = snapshot;

/** Each item's value as the user saved it, from the snapshot's raw form. */
async function readEverything(areas: ReturnType<typeof load>) {
  return {
    settings: await settingsItem.read(areas),
    collection: await collectionItem.read(areas),
    examples: await trainingExamplesItem.read(areas),
    corrections: await correctionsItem.read(areas),
    profile: await profileItem.read(areas),
    cache: await resultCacheItem.read(areas),
    prefs: await panelPrefsItem.read(areas),
  };
}

async function expectAsSaved(areas: ReturnType<typeof load>) {
  const all = await readEverything(areas);
  for (const read of Object.values(all)) expect(read.invalid).toEqual([]);
  expect(all.settings.value).toEqual({ settings: local.settings, reset: [], keyWithheld: false });
  expect(all.collection.value).toEqual(local.collection.postings);
  expect(all.examples.value).toEqual(local.trainingExamples.examples);
  expect(all.corrections.value).toEqual(local.corrections.entries);
  expect(all.profile.value).toEqual({ profile: local.profile });
  expect(all.cache.value).toEqual({ entries: local.resultCache.entries, byUrl: local.resultCache.byUrl });
  expect(all.prefs.value).toEqual(local.panelPrefs);
  expect(await jobItems.of(7).get(areas)).toEqual(session['job:7']);
  expect(await jobItems.of(8).get(areas)).toEqual(session['job:8']);
  expect(await highlightItems.of(7).get(areas)).toBe(true);
  expect(await selectionItems.of(8).get(areas)).toBe(session['selection:8']);
  // What 0.1.0 had set aside is still there, as it was, and nothing was added.
  expect(await setAsideItems.collection.get(areas)).toEqual(local.collectionSetAside);
  expect(await setAsideItems.corrections.get(areas)).toEqual(local.correctionsSetAside);
  expect((await readAllSetAside(areas.local)).map((g) => g.store).sort()).toEqual(['collection', 'corrections']);
}

describe(`storage written by version ${snapshot.version}`, () => {
  it('holds every kind of saved data (the snapshot is not empty)', () => {
    expect(snapshot.version).toBe('0.1.0');
    expect(local.collection.postings.length).toBeGreaterThan(1);
    expect(local.trainingExamples.examples.length).toBeGreaterThan(1);
    expect(Object.keys(local.corrections.entries).length).toBeGreaterThan(1);
    expect(local.settings.apiKey).not.toBe('');
    expect(Object.keys(local.resultCache.entries).length).toBeGreaterThan(1);
  });

  it('every stored key belongs to a defined item', () => {
    const defined = (area: string, key: string) =>
      STORAGE_ITEMS.some(
        (item) =>
          item.area === area &&
          (item.key === key ||
            (item.key.endsWith(':<tabId>') && new RegExp(`^${item.key.split(':')[0]}:\\d+$`).test(key))),
      );
    for (const key of Object.keys(local)) expect(defined('local', key), key).toBe(true);
    for (const key of Object.keys(session)) expect(defined('session', key), key).toBe(true);
  });

  it('reads back every entry unchanged, nothing set aside or dropped', async () => {
    await expectAsSaved(load());
  });

  it('the saved API key is used for requests (not withheld)', async () => {
    expect((await readSettingsForRequest(load().local)).apiKey).toBe(local.settings.apiKey);
  });

  it('a write through each item keeps every entry', async () => {
    const areas = load();
    for (const item of [
      settingsItem,
      collectionItem,
      trainingExamplesItem,
      correctionsItem,
      profileItem,
      resultCacheItem,
      panelPrefsItem,
      jobItems.of(7),
      jobItems.of(8),
      highlightItems.of(7),
      selectionItems.of(8),
    ] as { update(a: typeof areas, f: (v: unknown) => unknown): Promise<unknown> }[])
      // A copy: a changed value is written.
      await item.update(areas, (v) => (Array.isArray(v) ? [...v] : v && typeof v === 'object' ? { ...v } : v));
    await expectAsSaved(areas);
  });
});
