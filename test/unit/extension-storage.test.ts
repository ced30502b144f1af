// Extension storage: settings through loadSettings (key kept), the capped LRU results cache keyed
// by cache key and by URL, per-tab job state.
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  (globalThis as Record<string, unknown>).chrome = { runtime: { id: 'test-extension-id' } };
});

import type { ExtractionResult } from '../../src/core/entities';
import { defaultSettings } from '../../src/core/settings';
import {
  addToCache,
  CACHE_LIMIT,
  dropStaleFinishedJobs,
  getCached,
  putCached,
  readCache,
  readJob,
  readSelection,
  readSettings,
  removeJob,
  selectionKey,
  toPublicSettings,
  writeJob,
  writeSettings,
  type CacheEntry,
  type ResultCache,
} from '../../src/shared/storage';
import { memoryArea } from './fake-storage';

const result: ExtractionResult = {
  diploma: ['bs'],
  diploma_major: ['computer science'],
  experience: ['5 + years'],
  skills: ['python', 'c #'],
  meta: { provider: 'openai', model: 'ft:davinci-002:o:s:1', finishReason: 'stop', warnings: [] },
};
const posting = {
  url: 'https://jobs.example/1',
  title: 'Engineer',
  company: 'Acme',
  location: 'Paris',
  text: 'We need python.',
  source: 'jsonld' as const,
};
const entry = (usedAt: number): CacheEntry => ({ result, posting, usedAt });

describe('settings in storage.local', () => {
  it('defaults when nothing is stored', async () => {
    expect(await readSettings(memoryArea())).toEqual(defaultSettings());
  });
  it('invalid values fall back to defaults and the key is withheld (the default server must not get it)', async () => {
    const area = memoryArea({
      settings: { version: 1, apiKey: 'sk-keep', baseURL: 'not a url', maxTokens: -3, model: 'm' },
    });
    const s = await readSettings(area);
    expect(s.apiKey).toBe('');
    expect(s.baseURL).toBe(defaultSettings().baseURL);
    expect(s.maxTokens).toBe(defaultSettings().maxTokens);
    expect(s.model).toBe('m');
  });
  it('migrates unversioned settings', async () => {
    const s = await readSettings(
      memoryArea({ settings: { openaiKey: 'sk-old', baseUrl: 'http://localhost:8000/v1' } }),
    );
    expect(s).toMatchObject({ apiKey: 'sk-old', baseURL: 'http://localhost:8000/v1', version: 1 });
  });
  it('round-trips', async () => {
    const area = memoryArea();
    const s = { ...defaultSettings(), apiKey: 'sk-x', model: 'gpt-4o-mini' };
    await writeSettings(area, s);
    expect(await readSettings(area)).toEqual({ ...s, keyOrigin: 'https://api.openai.com' });
  });
  it('pages see hasKey, never the key', () => {
    const pub = toPublicSettings({ ...defaultSettings(), apiKey: 'sk-secret' });
    expect(pub.hasKey).toBe(true);
    expect(JSON.stringify(pub)).not.toContain('sk-secret');
    expect(toPublicSettings(defaultSettings()).hasKey).toBe(false);
  });
});

describe('results cache', () => {
  it('finds an entry by text key and by URL key', async () => {
    const area = memoryArea();
    await putCached(area, 'text-key', 'url-key', entry(1));
    expect((await getCached(area, { text: 'text-key' }))?.result).toEqual(result);
    expect((await getCached(area, { url: 'url-key' }))?.posting).toEqual(posting);
    expect(await getCached(area, { url: 'other' })).toBeUndefined();
    expect(await getCached(area, { text: 'other' })).toBeUndefined();
  });
  it("a hit refreshes the entry's time", async () => {
    const area = memoryArea();
    await putCached(area, 'k', undefined, entry(1));
    await getCached(area, { text: 'k' });
    expect((await readCache(area)).entries.k.usedAt).toBeGreaterThan(1);
  });
  it('is capped: the least recently used entries and their URL links go first', () => {
    let cache: ResultCache = { entries: {}, byUrl: {} };
    for (let i = 0; i < CACHE_LIMIT + 5; i++) cache = addToCache(cache, `t${i}`, `u${i}`, entry(1000 + i));
    expect(Object.keys(cache.entries)).toHaveLength(CACHE_LIMIT);
    expect(cache.entries).not.toHaveProperty('t0');
    expect(cache.entries).not.toHaveProperty('t4');
    expect(cache.entries).toHaveProperty('t5');
    expect(cache.byUrl).not.toHaveProperty('u0');
    expect(cache.byUrl.u5).toBe('t5');
    expect(Object.keys(cache.byUrl)).toHaveLength(CACHE_LIMIT);
  });
  it('a recently used old entry survives eviction', () => {
    let cache = addToCache({ entries: {}, byUrl: {} }, 'old', undefined, entry(5000), 3);
    cache = addToCache(cache, 'a', undefined, entry(1), 3);
    cache = addToCache(cache, 'b', undefined, entry(2), 3);
    cache = addToCache(cache, 'c', undefined, entry(3), 3);
    expect(Object.keys(cache.entries).sort()).toEqual(['b', 'c', 'old']);
  });
  it('a broken stored cache starts over', async () => {
    expect(await readCache(memoryArea({ resultCache: { entries: 'nope' } }))).toEqual({ entries: {}, byUrl: {} });
  });
});

describe('job state in storage.session', () => {
  it('per tab, removable with its selection', async () => {
    const area = memoryArea({ [selectionKey(3)]: 'Python, SQL' });
    const job = { id: 'j1', tabId: 3, url: 'https://x/1', status: 'done' as const, startedAt: 1, result, posting };
    await writeJob(area, job);
    expect(await readJob(area, 3)).toEqual(job);
    expect(await readJob(area, 4)).toBeNull();
    expect(await readSelection(area, 3)).toBe('Python, SQL');
    await removeJob(area, 3);
    expect(await readJob(area, 3)).toBeNull();
    expect(await readSelection(area, 3)).toBeUndefined();
  });
  it('an invalid stored job reads as none', async () => {
    expect(await readJob(memoryArea({ 'job:1': { status: 'weird' } }), 1)).toBeNull();
  });
  it('after a settings change, finished jobs from other settings are dropped; running ones and the rest stay', async () => {
    const base = { url: 'https://x/1', startedAt: 1 };
    const area = memoryArea({
      'job:1': { ...base, id: 'a', tabId: 1, status: 'done', settingsKey: 'old', result, posting },
      'job:2': {
        ...base,
        id: 'b',
        tabId: 2,
        status: 'error',
        settingsKey: 'old',
        error: { code: 'unknown', message: 'x' },
      },
      'job:3': { ...base, id: 'c', tabId: 3, status: 'done', settingsKey: 'new', result, posting },
      'job:4': { ...base, id: 'd', tabId: 4, status: 'extracting', settingsKey: 'old' },
      'job:5': { ...base, id: 'e', tabId: 5, status: 'done', result, posting },
      'job:6': { status: 'weird' },
      [selectionKey(1)]: 'Python',
    });
    expect(await dropStaleFinishedJobs(area, 'new')).toBe(4);
    expect(Object.keys(area.data).sort()).toEqual(['job:3', 'job:4', selectionKey(1)].sort());
  });
});
