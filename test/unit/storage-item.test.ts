// The storage-item API every store goes through: numbered migrations run in order on read and
// written back, one policy for unreadable entries (set aside, never dropped), every
// read-modify-write under a lock (no lost update, the cache's recorded use never overwriting a new
// entry), and watch with an AbortSignal.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineItem, migrate } from '../../src/shared/storage-item';
import { itemFamily, listItem, valueItem } from '../../src/shared/storage-kinds';
import { collectionItem, correctionsItem, jobItems, watchSetAside } from '../../src/shared/storage-items';
import { getCached, putCached, readCache } from '../../src/shared/storage';
import { memoryArea, memoryAreas } from './fake-storage';

const Note = z.object({ title: z.string(), body: z.string() });

const notes = listItem({
  key: 'notes',
  describes: 'test notes',
  schemaName: 'Note',
  field: 'notes',
  entry: Note,
  version: 3,
  migrations: {
    // v1 -> v2: `text` became `body`.
    2: (v) => {
      const s = v as { notes: { title: string; text: string }[] };
      return { version: 2, notes: s.notes.map(({ text, ...n }) => ({ ...n, body: text })) };
    },
    // v2 -> v3: titles trimmed.
    3: (v) => {
      const s = v as { notes: { title: string; body: string }[] };
      return { version: 3, notes: s.notes.map((n) => ({ ...n, title: n.title.trim() })) };
    },
  },
  setAside: 'collection',
});

describe('migrations', () => {
  it('run in order on a value of an older version, and the migrated value is written back', async () => {
    const local = memoryArea({ notes: { version: 1, notes: [{ title: ' A ', text: 'x' }] } });
    expect(await notes.get({ local })).toEqual([{ title: 'A', body: 'x' }]);
    expect(local.data.notes).toEqual({ version: 3, notes: [{ title: 'A', body: 'x' }] });
  });

  it('start from the stored version (a v2 value skips migration 2)', () => {
    const r = migrate(notes, { version: 2, notes: [{ title: ' B ', body: 'y' }] });
    expect(r).toEqual({ stored: { version: 3, notes: [{ title: 'B', body: 'y' }] }, migrated: true });
  });

  it('leave a current value alone (no write)', async () => {
    const local = memoryArea({ notes: { version: 3, notes: [{ title: 'C', body: 'z' }] } });
    let writes = 0;
    const counted = { ...local, set: async (i: Record<string, unknown>) => void (writes++, await local.set(i)) };
    expect(await notes.get({ local: counted })).toEqual([{ title: 'C', body: 'z' }]);
    expect(writes).toBe(0);
  });

  it('a migration that fails keeps the value: its entries are validated, and set aside, one by one', async () => {
    const local = memoryArea({ notes: { version: 1, notes: 'not a list' } });
    expect(await notes.get({ local })).toEqual([]);
    await notes.update({ local }, (list) => [...list, { title: 'new', body: '' }]);
    expect(local.data.collectionSetAside).toEqual(['not a list']);
    expect(local.data.notes).toEqual({ version: 3, notes: [{ title: 'new', body: '' }] });
  });
});

describe('unreadable entries', () => {
  it('are set aside by the next write, never dropped, and the readable ones kept', async () => {
    const local = memoryArea({ notes: { version: 3, notes: [{ title: 'ok', body: '' }, { title: 5 }] } });
    const read = await notes.read({ local });
    expect(read).toEqual({ value: [{ title: 'ok', body: '' }], invalid: [{ title: 5 }] });
    await notes.set({ local }, read.value);
    expect(local.data.collectionSetAside).toEqual([{ title: 5 }]);
    expect(local.data.notes).toEqual({ version: 3, notes: [{ title: 'ok', body: '' }] });
  });

  it('a whole value failing its schema reads as the fallback (session state only)', async () => {
    const flag = valueItem({
      area: 'session',
      key: 'flag',
      describes: '',
      schemaName: 'boolean',
      fallback: false,
      schema: z.boolean(),
    });
    expect(await flag.get({ session: memoryArea({ flag: 'yes' }) })).toBe(false);
    expect(await flag.get({ session: memoryArea({ flag: true }) })).toBe(true);
  });

  it('get never throws: an area the browser cannot read gives the fallback; update throws rather than write over it', async () => {
    const broken = { ...memoryArea(), get: () => Promise.reject(new Error('IO error')) };
    expect(await notes.get({ local: broken })).toEqual([]);
    await expect(notes.update({ local: broken }, (l) => l)).rejects.toThrow('IO error');
  });

  it('an item without its area says which one is missing', async () => {
    await expect(notes.read({ session: memoryArea() })).rejects.toThrow('No storage.local area');
  });
});

describe('the lock', () => {
  it('serialises read-modify-writes: concurrent updates all land', async () => {
    const local = memoryArea();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => notes.update({ local }, (list) => [...list, { title: `n${i}`, body: '' }])),
    );
    expect((await notes.get({ local })).map((n) => n.title).sort()).toHaveLength(20);
  });

  it("the cache's recorded use never overwrites an entry being put at the same time", async () => {
    const local = memoryArea();
    const entry = (n: number) => ({
      result: {
        diploma: [],
        diploma_major: [],
        experience: [],
        skills: [`s${n}`],
        meta: { provider: 'local' as const, model: 'local', finishReason: 'stop', warnings: [] },
      },
      posting: {
        url: `https://x/${n}`,
        title: '',
        company: '',
        location: '',
        text: `t${n}`,
        source: 'jsonld' as const,
      },
      usedAt: n,
    });
    await putCached(local, 'a', 'url-a', entry(1));
    await Promise.all([getCached(local, { url: 'url-a' }), putCached(local, 'b', undefined, entry(2))]);
    const cache = await readCache(local);
    expect(Object.keys(cache.entries).sort()).toEqual(['a', 'b']);
    expect(cache.entries.a.usedAt).toBeGreaterThan(1);
  });
});

describe('watch', () => {
  it('calls back with each new value until the signal aborts', async () => {
    const areas = memoryAreas();
    const seen: unknown[] = [];
    const stop = new AbortController();
    collectionItem.watch(areas, (value) => seen.push(value.map((p) => p.url)), stop.signal);
    const posting = {
      url: 'https://jobs.example/1',
      title: '',
      company: '',
      location: '',
      capturedAt: '2026-01-01T00:00:00.000Z',
      entities: { diploma: [], diploma_major: [], experience: [], skills: [] },
      model: 'local',
      provider: 'local',
      status: 'New' as const,
      notes: '',
    };
    await collectionItem.set(areas, [posting]);
    await correctionsItem.set(areas, {}); // another key: not reported
    await collectionItem.remove(areas);
    stop.abort();
    await collectionItem.set(areas, [posting]);
    expect(seen).toEqual([['https://jobs.example/1'], []]);
    expect(areas.onChanged.hasListeners()).toBe(false);
  });

  it('a family reports the id and value of each member, and the set-aside watch each list', async () => {
    const areas = memoryAreas();
    const stop = new AbortController();
    const jobs: [number, string | undefined][] = [];
    jobItems.watch(areas, (id, job) => jobs.push([id, job?.status]), stop.signal);
    let setAside = 0;
    watchSetAside(areas, () => setAside++, stop.signal);
    await jobItems.of(4).set(areas, { id: 'j', tabId: 4, url: 'u', status: 'capturing', startedAt: 1 });
    await areas.session.set({ 'job:x': 1, 'jobs:5': 2 });
    await jobItems.of(4).remove(areas);
    await areas.local.set({ profileSetAside: [1] });
    stop.abort();
    expect(jobs).toEqual([
      [4, 'capturing'],
      [4, undefined],
    ]);
    expect(setAside).toBe(1);
  });

  it('a family gives the same item for the same id (stable for hooks)', () => {
    const fam = itemFamily('t', (key) =>
      defineItem({
        area: 'session',
        key,
        describes: '',
        schemaName: '',
        fallback: 0,
        decode: () => ({ value: 0, invalid: [] }),
        encode: (v) => v,
      }),
    );
    expect(fam.of(1)).toBe(fam.of(1));
    expect(fam.of(1).key).toBe('t:1');
    expect(fam.idOf('t:12')).toBe(12);
    expect(fam.idOf('t:12x')).toBeUndefined();
  });
});
