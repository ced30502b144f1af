// One policy for every durable store (collection, training examples, corrections, profile, results
// cache): valid entries are read whatever the wrapper around them looks like, invalid entries are
// set aside one by one (never the whole store as one blob), and nothing is ever dropped.
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  (globalThis as Record<string, unknown>).chrome = { runtime: { id: 'test-extension-id' } };
});

import {
  COLLECTION_KEY,
  COLLECTION_SET_ASIDE_KEY,
  readCollection,
  savePosting,
} from '../../src/shared/collection-store';
import { CORRECTIONS_KEY, deleteCorrection, readCorrection, writeCorrection } from '../../src/shared/corrections-store';
import { EXAMPLES_KEY, EXAMPLES_SET_ASIDE_KEY, readExamples, saveExample } from '../../src/shared/examples-store';
import { loadProfile, PROFILE_KEY, saveProfile } from '../../src/shared/profile-store';
import { deleteSetAside, readAllSetAside } from '../../src/shared/stored-list';
import { CACHE_KEY, getCached, putCached } from '../../src/shared/storage';
import { memoryArea } from './fake-storage';

const posting = (n: number) => ({
  url: `https://jobs.example/${n}`,
  title: `Job ${n}`,
  company: 'Acme',
  location: '',
  capturedAt: '2026-01-01T00:00:00.000Z',
  entities: { diploma: [], diploma_major: [], experience: [], skills: ['sql'] },
  model: 'm',
  provider: 'openai',
});
const example = (n: number) => ({
  id: `id-${n}`,
  text: `text ${n}`,
  entities: { diploma: [], diploma_major: [], experience: [], skills: ['sql'] },
  url: `https://jobs.example/${n}`,
  title: `Job ${n}`,
  savedAt: '2026-01-01T00:00:00.000Z',
  model: 'm',
});
const correction = (n: number) => ({
  url: `https://jobs.example/${n}`,
  textHash: String(n)
    .repeat(64)
    .slice(0, 64)
    .replace(/[^0-9a-f]/g, 'a'),
  entities: { diploma: [], diploma_major: [], experience: [], skills: ['go'] },
  updatedAt: n,
});

const WRAPPERS: unknown[] = ['1', null, 'x', 2, undefined];

describe.each(WRAPPERS)('a wrapper whose version is %s', (version) => {
  it('collection: valid postings show, a save keeps them, the bad one is set aside alone', async () => {
    const area = memoryArea({ [COLLECTION_KEY]: { version, postings: [posting(1), { junk: true }, posting(2)] } });
    const read = await readCollection(area);
    expect(read.postings.map((p) => p.title)).toEqual(['Job 1', 'Job 2']);
    expect(read.invalid).toEqual([{ junk: true }]);
    await savePosting(area, posting(3));
    expect((await readCollection(area)).postings.map((p) => p.title)).toEqual(['Job 1', 'Job 2', 'Job 3']);
    expect(area.data[COLLECTION_SET_ASIDE_KEY]).toEqual([{ junk: true }]);
  });

  it('training examples: the same', async () => {
    const area = memoryArea({ [EXAMPLES_KEY]: { version, examples: [example(1), 'bad', example(2)] } });
    expect((await readExamples(area)).examples.map((e) => e.id)).toEqual(['id-1', 'id-2']);
    await saveExample(area, example(3));
    expect((await readExamples(area)).examples.map((e) => e.id)).toEqual(['id-1', 'id-2', 'id-3']);
    expect(area.data[EXAMPLES_SET_ASIDE_KEY]).toEqual(['bad']);
  });

  it('corrections: valid ones read, a write keeps them, a bad one is set aside alone', async () => {
    const area = memoryArea({
      [CORRECTIONS_KEY]: { version, entries: { a: correction(1), b: correction(2), c: { bad: 1 } } },
    });
    expect(await readCorrection(area, 'a')).toMatchObject({ updatedAt: 1 });
    await writeCorrection(area, 'd', correction(4));
    expect(await readCorrection(area, 'b')).toMatchObject({ updatedAt: 2 });
    expect(await readCorrection(area, 'd')).toMatchObject({ updatedAt: 4 });
    await deleteCorrection(area, 'd');
    expect(await readCorrection(area, 'a')).toMatchObject({ updatedAt: 1 });
    const aside = await readAllSetAside(area);
    expect(aside.find((s) => s.store === 'corrections')?.items).toEqual([{ key: 'c', value: { bad: 1 } }]);
  });
});

describe('stores that are not lists', () => {
  it('results cache: one bad entry is set aside alone, the others still answer', async () => {
    const area = memoryArea();
    const result = {
      diploma: [],
      diploma_major: [],
      experience: [],
      skills: ['sql'],
      meta: { provider: 'openai', model: 'm', finishReason: 'stop', warnings: [] },
    };
    const entry = {
      result,
      posting: {
        url: 'https://jobs.example/1',
        title: 'Job',
        company: '',
        location: '',
        text: 'posting text',
        source: 'jsonld',
      },
      usedAt: 1,
    };
    await putCached(area, 'k1', 'u1', entry as never);
    await putCached(area, 'k2', 'u2', entry as never);
    (area.data[CACHE_KEY] as { entries: Record<string, unknown> }).entries.k2 = { broken: true };
    expect(await getCached(area, { text: 'k1' })).toBeDefined();
    expect(await getCached(area, { url: 'u1' })).toBeDefined();
    await putCached(area, 'k3', undefined, entry as never);
    expect(await getCached(area, { text: 'k1' })).toBeDefined();
    expect(await getCached(area, { text: 'k3' })).toBeDefined();
    const aside = await readAllSetAside(area);
    expect(aside.find((s) => s.store === 'resultCache')?.items).toEqual([{ key: 'k2', value: { broken: true } }]);
  });

  it('profile: unreadable values are set aside one by one when the profile is saved over them', async () => {
    const area = memoryArea({ [PROFILE_KEY]: { version: 1, skills: ['sql', 42, 'go'], years: 'many' } });
    const loaded = await loadProfile(area);
    expect(loaded.profile?.skills).toEqual(['sql', 'go']);
    await saveProfile(area, { ...loaded.profile!, skills: ['sql', 'go', 'rust'] });
    const aside = await readAllSetAside(area);
    expect(aside.find((s) => s.store === 'profile')?.items).toEqual([
      { key: 'skills', value: 42 },
      { key: 'years', value: 'many' },
    ]);
  });

  it('set-aside items are listed per store and can be deleted one by one', async () => {
    const area = memoryArea({ [COLLECTION_SET_ASIDE_KEY]: [{ a: 1 }, { b: 2 }], [EXAMPLES_SET_ASIDE_KEY]: ['x'] });
    const all = await readAllSetAside(area);
    expect(all.map((s) => [s.store, s.items.length])).toEqual([
      ['collection', 2],
      ['trainingExamples', 1],
    ]);
    await deleteSetAside(area, 'collection', 0);
    expect(area.data[COLLECTION_SET_ASIDE_KEY]).toEqual([{ b: 2 }]);
  });
});
