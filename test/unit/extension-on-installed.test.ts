// runtime.onInstalled: on install and update the stored settings are migrated through loadSettings
// and written back to storage.local, the API key kept, storage.sync never touched.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StorageAreaLike } from '../../src/shared/storage';
import { memoryArea, type MemoryArea } from './fake-storage';

// The worker's `browser`: a storage.local and a storage.sync that records every use.
const areas = vi.hoisted(() => ({
  local: undefined as unknown,
  sync: undefined as unknown,
  syncCalls: [] as string[],
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'test-extension-id' },
    storage: {
      get local() {
        return areas.local;
      },
      get sync() {
        return areas.sync;
      },
    },
  },
}));

import { bindKey, defaultSettings, SETTINGS_VERSION } from '../../src/core/settings';
import { migrateStoredSettings, onInstalled } from '../../src/background/on-installed';
import { readSettings } from '../../src/shared/storage';

/** An area whose every call is recorded (storage.sync must see none). */
function recordingArea(calls: string[]): StorageAreaLike {
  const inner = memoryArea();
  return {
    get: (k) => (calls.push(`get ${String(k)}`), inner.get(k)),
    set: (i) => (calls.push(`set ${Object.keys(i).join(',')}`), inner.set(i)),
    remove: (k) => (calls.push(`remove ${String(k)}`), inner.remove(k)),
  };
}

let local: MemoryArea;

function useLocal(initial: Record<string, unknown> = {}): MemoryArea {
  local = memoryArea(initial);
  areas.local = local;
  return local;
}

beforeEach(() => {
  areas.syncCalls = [];
  areas.sync = recordingArea(areas.syncCalls);
  useLocal();
});

describe('migrateStoredSettings on install and update', () => {
  it('update: unversioned settings are migrated and written back, the key kept under its new name', async () => {
    useLocal({
      settings: { openaiKey: 'sk-old-key', baseUrl: 'http://localhost:8000/v1', model: 'ft:davinci-002:o:s:1' },
    });
    const r = await migrateStoredSettings({ reason: 'update' });
    expect(r).toEqual({ outcome: 'written', reset: [] });
    expect(local.data.settings).toEqual({
      ...defaultSettings(),
      version: SETTINGS_VERSION,
      apiKey: 'sk-old-key',
      keyOrigin: 'http://localhost:8000',
      baseURL: 'http://localhost:8000/v1',
      model: 'ft:davinci-002:o:s:1',
    });
    expect(local.data.settings).not.toHaveProperty('openaiKey');
    expect(local.data.settings).not.toHaveProperty('baseUrl');
    expect(areas.syncCalls).toEqual([]);
  });

  it('install: the same migration runs (settings left by an earlier install of the same profile)', async () => {
    useLocal({ settings: { openaiKey: 'sk-old-key' } });
    expect(await migrateStoredSettings({ reason: 'install' })).toMatchObject({ outcome: 'written' });
    expect(local.data.settings).toMatchObject({ version: SETTINGS_VERSION, apiKey: 'sk-old-key' });
  });

  it('invalid fields are named; a damaged record with a key is left as it is (the key kept, unused, until settings are saved again)', async () => {
    const damaged = { version: 1, apiKey: 'sk-keep', baseURL: 'not a url', maxTokens: -3, model: 'm' };
    useLocal({ settings: damaged });
    const r = await migrateStoredSettings({ reason: 'update' });
    expect(r.outcome).toBe('kept-key');
    expect(r.outcome === 'kept-key' && [...r.reset].sort()).toEqual(['baseURL', 'maxTokens']);
    expect(local.data.settings).toEqual(damaged);
    expect((await readSettings(local)).apiKey).toBe('');
  });

  it('invalid fields without a key take their default and are written back', async () => {
    useLocal({ settings: { version: 1, baseURL: 'not a url', maxTokens: -3, model: 'm' } });
    const r = await migrateStoredSettings({ reason: 'update' });
    expect(r.outcome).toBe('written');
    expect(local.data.settings).toEqual({ ...defaultSettings(), model: 'm' });
  });

  it('what is written is what readSettings gives (migrated once, read the same afterwards)', async () => {
    useLocal({ settings: { openaiKey: 'sk-x', mode: 'chat', unknownField: 1 } });
    const before = await readSettings(local);
    await migrateStoredSettings({ reason: 'update' });
    expect(local.data.settings).toEqual(before);
    expect(await readSettings(local)).toEqual(before);
    expect(await migrateStoredSettings({ reason: 'update' })).toEqual({ outcome: 'unchanged' });
  });

  it('current, valid settings are left alone (nothing written)', async () => {
    const current = bindKey({ ...defaultSettings(), apiKey: 'sk-now', model: 'gpt-4o-mini' });
    useLocal({ settings: current });
    const set = vi.spyOn(local, 'set');
    expect(await migrateStoredSettings({ reason: 'update' })).toEqual({ outcome: 'unchanged' });
    expect(set).not.toHaveBeenCalled();
    expect(local.data.settings).toEqual(current);
  });

  it('nothing stored (a fresh install): nothing written, the defaults apply on read', async () => {
    const set = vi.spyOn(local, 'set');
    expect(await migrateStoredSettings({ reason: 'install' })).toEqual({ outcome: 'nothing-stored' });
    expect(set).not.toHaveBeenCalled();
    expect(local.data).toEqual({});
  });

  it('a browser update is not an extension update: nothing read or written', async () => {
    useLocal({ settings: { openaiKey: 'sk-old' } });
    const get = vi.spyOn(local, 'get');
    expect(await migrateStoredSettings({ reason: 'browser_update' })).toEqual({ outcome: 'ignored' });
    expect(get).not.toHaveBeenCalled();
    expect(local.data.settings).toEqual({ openaiKey: 'sk-old' });
  });

  it('settings that are not an object at all become the defaults', async () => {
    useLocal({ settings: 'garbage' });
    expect(await migrateStoredSettings({ reason: 'update' })).toMatchObject({ outcome: 'written' });
    expect(local.data.settings).toEqual(defaultSettings());
  });

  it('never writes when that would lose a stored key', async () => {
    // A key that is a string but would not survive (here: both names, the new one invalid).
    useLocal({ settings: { version: 1, apiKey: 42, openaiKey: 'sk-legacy' } });
    const set = vi.spyOn(local, 'set');
    const r = await migrateStoredSettings({ reason: 'update' });
    expect(r.outcome).toBe('kept-key');
    expect(set).not.toHaveBeenCalled();
    expect(local.data.settings).toEqual({ version: 1, apiKey: 42, openaiKey: 'sk-legacy' });
  });

  it('an explicit area is used as given', async () => {
    const other = memoryArea({ settings: { openaiKey: 'sk-other' } });
    await migrateStoredSettings({ reason: 'update' }, other);
    expect(other.data.settings).toMatchObject({ apiKey: 'sk-other', version: SETTINGS_VERSION });
    expect(local.data).toEqual({});
  });
});

describe('the onInstalled listener', () => {
  it('migrates storage.local and never touches storage.sync', async () => {
    useLocal({ settings: { openaiKey: 'sk-listener', baseUrl: 'http://127.0.0.1:9/v1' } });
    await onInstalled({ reason: 'update', temporary: false, previousVersion: '0.0.1' });
    expect(local.data.settings).toMatchObject({
      apiKey: 'sk-listener',
      baseURL: 'http://127.0.0.1:9/v1',
      version: SETTINGS_VERSION,
    });
    expect(areas.syncCalls).toEqual([]);
  });

  it('says which fields were reset, without the key', async () => {
    useLocal({ settings: { version: 1, apiKey: 'sk-secret-value', maxTokens: 'lots' } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await onInstalled({ reason: 'update', temporary: false });
      expect(warn).toHaveBeenCalledTimes(1);
      const text = String(warn.mock.calls[0][0]);
      expect(text).toMatch(/maxTokens/);
      expect(text).toMatch(/options page/);
      expect(text).not.toContain('sk-secret-value');
    } finally {
      warn.mockRestore();
    }
  });

  it('a storage failure is logged, not thrown into the event', async () => {
    areas.local = {
      get: () => Promise.reject(new Error('storage is gone')),
      set: () => Promise.resolve(),
      remove: () => Promise.resolve(),
    } satisfies StorageAreaLike;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await expect(onInstalled({ reason: 'update', temporary: false })).resolves.toBeUndefined();
      expect(String(warn.mock.calls[0][0])).toMatch(/could not be migrated \(storage is gone\)/);
    } finally {
      warn.mockRestore();
    }
  });
});
