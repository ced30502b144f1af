// The saved collection in storage.local (src/shared/collection-store.ts), against an in-memory
// storage area with storage.local's copy-on-read semantics.
import { describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../../src/core/entities';
import type { SavedPosting } from '../../src/core/export/collection';
import type { Posting } from '../../src/core/posting';
import {
  COLLECTION_KEY,
  COLLECTION_SET_ASIDE_KEY,
  deletePosting,
  importPostings,
  parseStoredCollection,
  readCollection,
  savePosting,
  toSavedPosting,
  updateCollection,
  updateTracking,
} from '../../src/shared/collection-store';
import { fileSlug } from '../../src/shared/download-file';
import type { StorageAreaLike } from '../../src/shared/storage';
import { memoryArea } from './fake-storage';

function saved(url: string, title = 'Data Engineer', skills = ['python']): SavedPosting {
  return {
    url,
    title,
    company: 'Crème Brûlée Analytics, SARL',
    location: 'Lyon, FR',
    capturedAt: '2026-11-26T05:30:00.000Z',
    entities: { diploma: [], diploma_major: [], experience: [], skills },
    model: 'ft:davinci-002:x:y:z',
    provider: 'openai',
    status: 'New',
    notes: '',
  };
}

describe('parseStoredCollection', () => {
  it('reads nothing as an empty collection', () => {
    expect(parseStoredCollection(undefined)).toEqual({ postings: [], invalid: [] });
    expect(parseStoredCollection(null)).toEqual({ postings: [], invalid: [] });
  });

  it('reads the versioned shape and a bare array', () => {
    const p = saved('https://jobs.example/1');
    expect(parseStoredCollection({ version: 1, postings: [p] }).postings).toEqual([p]);
    expect(parseStoredCollection([p]).postings).toEqual([p]);
  });

  it('drops invalid entries one by one and keeps the rest', () => {
    const a = saved('https://jobs.example/a');
    const b = saved('https://jobs.example/b');
    const bad = [
      { url: 42 },
      null,
      'text',
      { ...a, capturedAt: 'yesterday' },
      { ...a, entities: { skills: 'python' } },
    ];
    const read = parseStoredCollection({ version: 1, postings: [a, ...bad, b] });
    expect(read.postings).toEqual([a, b]);
    expect(read.invalid).toEqual(bad);
  });

  it('a store of the wrong shape is reported, not thrown', () => {
    expect(parseStoredCollection('garbage')).toEqual({ postings: [], invalid: ['garbage'] });
    expect(parseStoredCollection({ version: 1, postings: 'x' }).invalid).toHaveLength(1);
  });
});

describe('saving, deleting, importing', () => {
  it('saves, and the same URL (fragment and tracking parameters aside) updates in place', async () => {
    const area = memoryArea();
    expect(await savePosting(area, saved('https://jobs.example/1', 'First'))).toBe('saved');
    expect(await savePosting(area, saved('https://jobs.example/2', 'Second'))).toBe('saved');
    expect(await savePosting(area, saved('https://jobs.example/1?utm_source=mail#apply', 'First, again', ['go']))).toBe(
      'updated',
    );
    const { postings } = await readCollection(area);
    expect(postings.map((p) => p.title)).toEqual(['First, again', 'Second']);
    expect(postings[0].entities.skills).toEqual(['go']);
    expect(area.data[COLLECTION_KEY]).toMatchObject({ version: 1 });
  });

  it('keeps status and notes when the same posting is saved again; Undo (keepTracking false) restores the row as it was', async () => {
    const area = memoryArea();
    await savePosting(area, saved('https://jobs.example/1', 'First'));
    await updateTracking(area, 'https://jobs.example/1#x', { status: 'Applied', notes: 'Sent CV' });
    await savePosting(area, saved('https://jobs.example/1', 'First, re-extracted'));
    expect((await readCollection(area)).postings[0]).toMatchObject({
      title: 'First, re-extracted',
      status: 'Applied',
      notes: 'Sent CV',
    });
    await savePosting(
      area,
      { ...saved('https://jobs.example/1', 'Restored'), status: 'Offer', notes: '' },
      { keepTracking: false },
    );
    expect((await readCollection(area)).postings[0]).toMatchObject({ title: 'Restored', status: 'Offer', notes: '' });
    await expect(updateTracking(area, 'https://jobs.example/1', { status: 'Hired' as never })).rejects.toThrow();
    expect((await readCollection(area)).postings[0].status).toBe('Offer');
  });

  it('reads rows stored before status and notes existed, and writes them back with the defaults', async () => {
    const area = memoryArea();
    const { status: _s, notes: _n, ...old } = saved('https://jobs.example/old', 'Old row');
    area.data[COLLECTION_KEY] = { version: 1, postings: [old] };
    expect((await readCollection(area)).postings).toEqual([{ ...old, status: 'New', notes: '' }]);
    await updateTracking(area, old.url, { notes: 'still valid' });
    expect((area.data[COLLECTION_KEY] as { postings: unknown[] }).postings).toEqual([
      { ...old, status: 'New', notes: 'still valid' },
    ]);
  });

  it('deletes by URL', async () => {
    const area = memoryArea();
    await savePosting(area, saved('https://jobs.example/1'));
    await savePosting(area, saved('https://jobs.example/2'));
    await deletePosting(area, 'https://jobs.example/1#top');
    expect((await readCollection(area)).postings.map((p) => p.url)).toEqual(['https://jobs.example/2']);
  });

  it('imports: new postings added, known URLs replaced, counts returned', async () => {
    const area = memoryArea();
    await savePosting(area, saved('https://jobs.example/1', 'Old'));
    const result = await importPostings(area, [
      saved('https://jobs.example/1', 'New'),
      saved('https://jobs.example/3'),
      saved('https://jobs.example/3', 'Twice'),
    ]);
    expect(result).toEqual({ added: 1, updated: 1 });
    expect((await readCollection(area)).postings.map((p) => p.title)).toEqual(['New', 'Twice']);
  });

  it('a change sets damaged entries aside (appended, never capped) instead of deleting them', async () => {
    const area = memoryArea();
    const good = saved('https://jobs.example/1');
    area.data[COLLECTION_KEY] = { version: 1, postings: [good, { url: 1 }] };
    area.data[COLLECTION_SET_ASIDE_KEY] = ['earlier'];
    await savePosting(area, saved('https://jobs.example/2'));
    expect(area.data[COLLECTION_SET_ASIDE_KEY]).toEqual(['earlier', { url: 1 }]);
    expect((area.data[COLLECTION_KEY] as { postings: unknown[] }).postings).toHaveLength(2);
    // Nothing damaged: the set-aside key is left alone.
    await updateCollection(area, (p) => p);
    expect(area.data[COLLECTION_SET_ASIDE_KEY]).toEqual(['earlier', { url: 1 }]);
    // Never capped: the user's work is not dropped to make room (the options page deletes it on request).
    area.data[COLLECTION_KEY] = { version: 1, postings: Array.from({ length: 600 }, (_, i) => ({ bad: i })) };
    await updateCollection(area, (p) => p);
    const aside = area.data[COLLECTION_SET_ASIDE_KEY] as unknown[];
    expect(aside).toHaveLength(602);
    expect(aside.at(-1)).toEqual({ bad: 599 });
  });

  it('a storage area that fails to read gives an empty view, never an exception', async () => {
    const broken: StorageAreaLike = {
      get: () => Promise.reject(new Error('IO error')),
      set: async () => undefined,
      remove: async () => undefined,
    };
    expect(await readCollection(broken)).toEqual({ postings: [], invalid: [] });
  });

  it('a change on a storage area that fails to read fails, and writes nothing over the saved collection', async () => {
    let written = false;
    const broken: StorageAreaLike = {
      get: () => Promise.reject(new Error('IO error')),
      set: async () => void (written = true),
      remove: async () => undefined,
    };
    await expect(savePosting(broken, saved('https://jobs.example/1'))).rejects.toThrow('IO error');
    expect(written).toBe(false);
  });
});

describe('toSavedPosting', () => {
  const posting: Posting = {
    url: ' https://jobs.example/42 ',
    title: '  =SUM(A1)  ',
    company: 'Northwind "Fjord" Cloud',
    location: 'Tromsø, NO',
    text: 'The long description, which the collection does not keep.',
    source: 'jsonld',
  };
  const result: ExtractionResult = {
    diploma: ['bs'],
    diploma_major: ['computer science'],
    experience: ['5 + years'],
    skills: ['go', 'python', 'go'],
    meta: { provider: 'openai', model: 'ft:davinci-002:n:f:1', finishReason: 'stop', warnings: [] },
  };

  it('keeps URL, title, company, location, date, entities (raw, repeats kept) and model; not the text or meta', () => {
    const s = toSavedPosting(posting, result, new Date('2026-11-26T06:00:00Z'));
    expect(s).toEqual({
      url: 'https://jobs.example/42',
      title: '=SUM(A1)',
      company: 'Northwind "Fjord" Cloud',
      location: 'Tromsø, NO',
      capturedAt: '2026-11-26T06:00:00.000Z',
      entities: {
        diploma: ['bs'],
        diploma_major: ['computer science'],
        experience: ['5 + years'],
        skills: ['go', 'python', 'go'],
      },
      model: 'ft:davinci-002:n:f:1',
      provider: 'openai',
      status: 'New',
      notes: '',
    });
  });

  it('clips overlong fields so the posting always validates', () => {
    const s = toSavedPosting(
      { ...posting, title: 'x'.repeat(5000), url: 'https://a.example/' + 'y'.repeat(5000) },
      result,
    );
    expect(s.title).toHaveLength(1000);
    expect(s.url).toHaveLength(4096);
  });
});

describe('fileSlug', () => {
  it('makes a safe file name from any title', () => {
    expect(fileSlug('Ingénieur·e Données (H/F) — Lyon')).toBe('ingenieur-e-donnees-h-f-lyon');
    expect(fileSlug('=HYPERLINK("x")')).toBe('hyperlink-x');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('***')).toBe('posting');
    expect(fileSlug('a'.repeat(100))).toHaveLength(60);
  });
});
