// The collection page's use cases without the page, on an in-memory storage area: delete with Undo
// (and an Undo that fails keeps its Undo), status and notes edits, a backup import, the chart's
// filter and the count line.
import { describe, expect, it } from 'vitest';
import type { SavedPosting } from '../../src/core/export/collection';
import { toJSON } from '../../src/core/export/collection';
import { countText, deleteWithUndo, filterForPick, importBackup, saveTracking } from '../../src/collection/actions';
import { COLLECTION_KEY, readCollection, savePosting } from '../../src/shared/collection-store';
import type { NoticeState } from '../../src/shared/Notice';
import type { StorageAreaLike } from '../../src/shared/storage';
import { memoryArea } from './fake-storage';

function saved(url: string, title = 'Data Engineer'): SavedPosting {
  return {
    url,
    title,
    company: 'Acme',
    location: 'Lyon, FR',
    capturedAt: '2026-11-26T05:30:00.000Z',
    entities: { diploma: [], diploma_major: [], experience: [], skills: ['python'] },
    model: 'm',
    provider: 'openai',
    status: 'Applied',
    notes: 'called back',
  };
}

async function withPostings(...postings: SavedPosting[]) {
  const area = memoryArea();
  for (const p of postings) await savePosting(area, p, { keepTracking: false });
  return area;
}

/** Collects notices, and waits for the next one (Undo's comes after its click). */
function notices() {
  const got: NoticeState[] = [];
  let wake: () => void = () => undefined;
  return {
    got,
    notify: (n: NoticeState) => {
      got.push(n);
      wake();
    },
    next: (count: number) =>
      new Promise<void>((resolve) => {
        wake = () => got.length >= count && resolve();
        wake();
      }),
  };
}

describe('collection use cases', () => {
  it('deletes a posting, and Undo brings it back with its status and notes', async () => {
    const p = saved('https://jobs.example/1');
    const area = await withPostings(p, saved('https://jobs.example/2'));
    const n = notices();
    await deleteWithUndo(area, p, n.notify);
    expect(n.got[0]).toMatchObject({ kind: 'ok', text: 'Deleted "Data Engineer".', action: { label: 'Undo' } });
    expect((await readCollection(area)).postings.map((x) => x.url)).toEqual(['https://jobs.example/2']);
    n.got[0].action!.run();
    await n.next(2);
    expect(n.got[1]).toEqual({ kind: 'ok', text: 'Restored "Data Engineer".' });
    const back = (await readCollection(area)).postings.find((x) => x.url === p.url);
    expect(back).toMatchObject({ status: 'Applied', notes: 'called back' });
  });

  it('reports a failed delete, and a failed Undo offers Undo again instead of an unhandled rejection', async () => {
    const p = saved('https://jobs.example/1', '');
    const area = await withPostings(p);
    const failing: StorageAreaLike = { ...area, set: () => Promise.reject(new Error('quota exceeded')) };
    const n = notices();
    await deleteWithUndo(failing, p, n.notify);
    expect(n.got[0]).toEqual({
      kind: 'error',
      text: 'Could not delete the posting (quota exceeded). Reload the page and try again.',
    });

    const flaky: StorageAreaLike = { ...area };
    const m = notices();
    await deleteWithUndo(flaky, p, m.notify);
    flaky.set = () => Promise.reject(new Error('quota exceeded'));
    m.got[0].action!.run();
    await m.next(2);
    expect(m.got[1]).toMatchObject({
      kind: 'error',
      text: 'Could not restore "https://jobs.example/1" (quota exceeded).',
      action: { label: 'Undo' },
    });
  });

  it('saves a status edit, and names the field that could not be saved', async () => {
    const p = saved('https://jobs.example/1');
    const area = await withPostings(p);
    expect(await saveTracking(area, p, { status: 'Interview' })).toBeUndefined();
    expect((await readCollection(area)).postings[0].status).toBe('Interview');
    const failing: StorageAreaLike = { ...area, set: () => Promise.reject(new Error('quota exceeded')) };
    expect(await saveTracking(failing, p, { notes: 'x' })).toEqual({
      kind: 'error',
      text: 'Could not save the notes of "Data Engineer" (quota exceeded). Try again.',
    });
  });

  it('imports a backup, and a bad one changes nothing', async () => {
    const area = await withPostings(saved('https://jobs.example/1'));
    const before = structuredClone(area.data[COLLECTION_KEY]);
    const bad = await importBackup(area, new File(['{"postings": 3}'], 'bad.json'));
    expect(bad.kind).toBe('error');
    expect(bad.text).toMatch(/^Import of "bad.json" failed: /);
    expect(area.data[COLLECTION_KEY]).toEqual(before);
    const good = new File([toJSON([saved('https://jobs.example/1'), saved('https://jobs.example/2')])], 'b.json');
    expect(await importBackup(area, good)).toEqual({ kind: 'ok', text: 'Imported "b.json": 1 new, 1 updated.' });
  });

  it('sends a chart pick to the skill filter or to the type and value filters', () => {
    expect(filterForPick({ query: 'x', type: 'diploma', value: 'BS' }, 'skills', 'Go')).toEqual({
      query: 'x',
      skill: 'Go',
      type: undefined,
      value: undefined,
    });
    expect(filterForPick({ skill: 'Go' }, 'diploma', 'BS')).toEqual({ skill: 'Go', type: 'diploma', value: 'BS' });
  });

  it('counts what is saved and what the filters show', () => {
    expect(countText(false, 0, 0)).toBe('Loading…');
    expect(countText(true, 2, 2)).toBe('2 saved');
    expect(countText(true, 1, 2)).toBe('1 of 2 shown');
  });
});
