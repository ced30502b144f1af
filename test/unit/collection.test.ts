import { describe, expect, it } from 'vitest';
import { emptyEntities, type Entities } from '../../src/core/entities';
import {
  collectionRows,
  filterCollection,
  mergeCollections,
  parseBackup,
  patchPosting,
  postingKey,
  removePosting,
  SavedPostingSchema,
  sortCollection,
  toJSON,
  topValues,
  upsertPosting,
  type SavedPosting,
} from '../../src/core/export/collection';
import { parseDelimited, toCSV } from '../../src/core/export/delimited';

function saved(url: string, over: Partial<SavedPosting> = {}, entities: Partial<Entities> = {}): SavedPosting {
  return {
    url,
    title: 'Engineer',
    company: 'Acme',
    location: 'Paris',
    capturedAt: '2026-11-20T10:00:00.000Z',
    entities: { ...emptyEntities(), ...entities },
    model: 'ft:davinci-002:acme::x1',
    provider: 'openai',
    status: 'New',
    notes: '',
    ...over,
  };
}

const A = saved(
  'https://jobs.example/a',
  { title: 'Backend Engineer', company: 'Acme', capturedAt: '2026-11-20T10:00:00.000Z' },
  { skills: ['java', 'sql', 'k8s', 'java'], diploma: ['bs'], experience: ['3 + years'] },
);
const B = saved(
  'https://jobs.example/b',
  { title: 'data analyst', company: 'Zeta', location: 'Zürich', capturedAt: '2026-11-22T10:00:00.000Z' },
  { skills: ['python', 'SQL', 'kubernetes'], diploma_major: ['statistics'] },
);
const C = saved(
  'https://jobs.example/c',
  { title: 'Frontend Engineer 10', company: 'beta', location: '', capturedAt: '2026-11-21T10:00:00.000Z' },
  { skills: ['javascript', 'react', 'c #'] },
);
const D = saved(
  'https://jobs.example/d',
  { title: 'Frontend Engineer 9', company: 'Acme', capturedAt: '2026-11-19T10:00:00.000Z' },
  { skills: ['JS', 'css3', 'html5'] },
);

describe('saved postings', () => {
  it('validates the schema', () => {
    expect(SavedPostingSchema.parse(A)).toEqual(A);
    expect(SavedPostingSchema.safeParse({ ...A, capturedAt: 'yesterday' }).success).toBe(false);
    expect(SavedPostingSchema.safeParse({ ...A, url: '' }).success).toBe(false);
    expect(SavedPostingSchema.safeParse({ ...A, entities: { skills: [] } }).success).toBe(false);
  });

  it('adds new URLs at the end and updates the same URL in place', () => {
    let c = upsertPosting([], A);
    c = upsertPosting(c, B);
    const A2 = { ...A, title: 'Senior Backend Engineer', capturedAt: '2026-11-25T10:00:00.000Z' };
    c = upsertPosting(c, A2);
    expect(c).toEqual([A2, B]);
  });

  it('treats fragments and tracking parameters as the same URL', () => {
    expect(postingKey('https://Jobs.Example/a?utm_source=x&id=3#apply')).toBe(
      postingKey('https://jobs.example/a?id=3'),
    );
    expect(postingKey('https://jobs.example/a?id=3')).not.toBe(postingKey('https://jobs.example/a?id=4'));
    expect(postingKey('not a url ')).toBe('not a url');
    const c = upsertPosting([A], { ...A, url: 'https://jobs.example/a?utm_campaign=mail', title: 'Updated' });
    expect(c).toHaveLength(1);
    expect(c[0].title).toBe('Updated');
  });

  it('deletes rows', () => {
    expect(removePosting([A, B, C], 'https://jobs.example/b#x')).toEqual([A, C]);
  });
});

describe('JSON backup', () => {
  it('round-trips', () => {
    const text = toJSON([A, B], new Date('2026-11-26T00:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'job-entities-collection',
      version: 2,
      exportedAt: '2026-11-26T00:00:00.000Z',
    });
    expect(parseBackup(text)).toEqual({ ok: true, postings: [A, B] });
    expect(parseBackup('\uFEFF' + text)).toEqual({ ok: true, postings: [A, B] });
  });

  it('accepts a bare array of postings', () => {
    expect(parseBackup(JSON.stringify([C]))).toEqual({ ok: true, postings: [C] });
  });

  it.each([
    ['not json at all', /not JSON/],
    ['{"hello": 1}', /not a job-entities collection/],
    [
      JSON.stringify({
        format: 'job-entities-collection',
        version: 3,
        exportedAt: '2026-11-26T00:00:00Z',
        postings: [],
      }),
      /version 3.*reads versions 1 and 2/,
    ],
    [
      JSON.stringify({
        format: 'job-entities-collection',
        version: 1,
        exportedAt: '2026-11-26T00:00:00Z',
        postings: [{ url: 'x' }],
      }),
      /posting 1/,
    ],
    [JSON.stringify([A, { ...B, capturedAt: 'soon' }]), /posting 2 \("capturedAt"\)/],
    [JSON.stringify([A, { ...B, entities: { ...B.entities, skills: 'python' } }]), /posting 2 \("entities.skills"\)/],
  ])('refuses a bad file and says nothing changed: %s', (text, message) => {
    const r = parseBackup(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(message);
      expect(r.error).toMatch(/Nothing was changed/);
    }
  });

  it('a bad file changes nothing; a good one merges by URL', () => {
    const before = [A, B];
    const snapshot = structuredClone(before);
    const bad = parseBackup(JSON.stringify([C, { ...D, url: 42 }]));
    const after = bad.ok ? mergeCollections(before, bad.postings) : before;
    expect(after).toEqual(snapshot);
    const good = parseBackup(toJSON([{ ...B, title: 'Imported' }, C]));
    expect(good.ok).toBe(true);
    if (good.ok)
      expect(mergeCollections(before, good.postings).map((p) => p.title)).toEqual([
        'Backend Engineer',
        'Imported',
        'Frontend Engineer 10',
      ]);
  });

  it('merging gives what upserting each imported posting in turn gives, repeats in the import included', () => {
    const incoming = [
      saved('https://jobs.example/c#top', { title: 'C again' }),
      C,
      saved('https://jobs.example/a?utm_source=x', { title: 'A again' }),
      saved('https://jobs.example/e', { title: 'E' }),
      saved('https://jobs.example/e', { title: 'E again' }),
    ];
    const oneByOne = incoming.reduce<SavedPosting[]>((acc, p) => upsertPosting(acc, p), [A, B]);
    expect(mergeCollections([A, B], incoming)).toEqual(oneByOne);
    expect(oneByOne.map((p) => p.title)).toEqual(['A again', 'data analyst', 'Frontend Engineer 10', 'E again']);
  });
});

describe('collection queries', () => {
  const all = [A, B, C, D];

  it('counts the most frequent skills across postings, spellings merged, repeats once per posting', () => {
    const top = topValues(all, 'skills', 3);
    expect(top[0]).toEqual({ value: 'JavaScript', count: 2 });
    expect(top.slice(1)).toEqual([
      { value: 'Kubernetes', count: 2 },
      { value: 'SQL', count: 2 },
    ]);
    expect(topValues(all, 'skills', 100).find((v) => v.value === 'Java')).toEqual({ value: 'Java', count: 1 });
    expect(topValues(all, 'diploma', 5)).toEqual([{ value: 'BS', count: 1 }]);
    expect(topValues([], 'skills', 5)).toEqual([]);
    expect(topValues(all, 'skills', 0)).toEqual([]);
  });

  it('filters by skill (any spelling), entity type, value and free text', () => {
    expect(filterCollection(all, { skill: 'Kubernetes' })).toEqual([A, B]);
    expect(filterCollection(all, { skill: 'javascript' })).toEqual([C, D]);
    expect(filterCollection(all, { skill: 'C#' })).toEqual([C]);
    expect(filterCollection(all, { skill: 'C' })).toEqual([]);
    expect(filterCollection(all, { type: 'diploma_major' })).toEqual([B]);
    expect(filterCollection(all, { type: 'diploma', value: 'BS' })).toEqual([A]);
    expect(filterCollection(all, { query: 'zürich' })).toEqual([B]);
    expect(filterCollection(all, { query: 'C#' })).toEqual([C]);
    expect(filterCollection(all, { query: 'frontend', skill: 'css' })).toEqual([D]);
    expect(filterCollection(all, {})).toEqual(all);
    expect(filterCollection(all, { skill: '  ', query: '' })).toEqual(all);
  });

  it('sorts by column, stably, numbers in order, empty last', () => {
    expect(sortCollection(all).map((p) => p.url.slice(-1))).toEqual(['b', 'c', 'a', 'd']);
    expect(sortCollection(all, 'capturedAt', 'asc').map((p) => p.url.slice(-1))).toEqual(['d', 'a', 'c', 'b']);
    expect(sortCollection(all, 'title', 'asc').map((p) => p.title)).toEqual([
      'Backend Engineer',
      'data analyst',
      'Frontend Engineer 9',
      'Frontend Engineer 10',
    ]);
    expect(sortCollection(all, 'company', 'asc').map((p) => p.url.slice(-1))).toEqual(['a', 'd', 'c', 'b']);
    expect(sortCollection(all, 'location', 'asc').at(-1)).toBe(C);
    expect(sortCollection(all, 'location', 'desc').at(-1)).toBe(C);
    expect(sortCollection(all, 'skills', 'desc')[0]).toBe(A);
    expect(all).toEqual([A, B, C, D]);
  });

  it('exports the collection as spreadsheet rows', () => {
    const rows = parseDelimited(toCSV(collectionRows([A, C])));
    expect(rows).toEqual([
      ['Title', 'Company', 'Location', 'URL', 'Diploma', 'Major', 'Experience', 'Skills', 'Status', 'Notes'],
      [
        'Backend Engineer',
        'Acme',
        'Paris',
        'https://jobs.example/a',
        'BS',
        '',
        '3+ years',
        'Java; SQL; k8s',
        'New',
        '',
      ],
      ['Frontend Engineer 10', 'beta', '', 'https://jobs.example/c', '', '', '', 'JavaScript; React; C#', 'New', ''],
    ]);
    expect(
      parseDelimited(
        toCSV(collectionRows([{ ...A, status: 'Interview', notes: 'Call Tue, 10:00\nBring "portfolio"' }])),
      )[1].slice(-2),
    ).toEqual(['Interview', 'Call Tue, 10:00\nBring "portfolio"']);
  });

  it('filters by status, and searches the notes', () => {
    const all = [
      A,
      { ...B, status: 'Applied' as const },
      { ...C, status: 'Applied' as const, notes: 'Referred by Kim' },
      D,
    ];
    expect(filterCollection(all, { status: 'Applied' }).map((p) => p.url.slice(-1))).toEqual(['b', 'c']);
    expect(filterCollection(all, { status: 'Offer' })).toEqual([]);
    expect(filterCollection(all, { status: 'Applied', skill: 'JS' }).map((p) => p.url.slice(-1))).toEqual(['c']);
    expect(filterCollection(all, { query: 'kim' }).map((p) => p.url.slice(-1))).toEqual(['c']);
  });
});

describe('status and notes', () => {
  const { status: _s, notes: _n, ...old } = A;

  it('a row saved before status and notes existed reads as New with empty notes', () => {
    expect(SavedPostingSchema.parse(old)).toEqual({ ...A, status: 'New', notes: '' });
  });

  it('refuses an unknown status and notes over the limit', () => {
    expect(SavedPostingSchema.safeParse({ ...A, status: 'Ghosted' }).success).toBe(false);
    expect(SavedPostingSchema.safeParse({ ...A, notes: 'x'.repeat(10_001) }).success).toBe(false);
    expect(SavedPostingSchema.safeParse({ ...A, notes: 42 }).success).toBe(false);
  });

  it('re-saving a posting keeps its status and notes unless told otherwise', () => {
    const tracked = { ...A, status: 'Interview' as const, notes: 'Second round Friday' };
    const fresh = { ...A, title: 'Backend Engineer II' };
    expect(upsertPosting([tracked], fresh, { keepTracking: true })).toEqual([
      { ...fresh, status: 'Interview', notes: 'Second round Friday' },
    ]);
    expect(upsertPosting([tracked], fresh)).toEqual([fresh]);
  });

  it('patches one row, validated', () => {
    expect(patchPosting([A, B], 'https://jobs.example/b#frag', { status: 'Offer', notes: 'yes' })).toEqual([
      A,
      { ...B, status: 'Offer', notes: 'yes' },
    ]);
    expect(() => patchPosting([A], A.url, { status: 'Hired' as never })).toThrow();
  });

  it('a version 1 backup (no status, no notes) still imports, with the defaults', () => {
    const v1 = JSON.stringify({
      format: 'job-entities-collection',
      version: 1,
      exportedAt: '2026-11-26T00:00:00Z',
      postings: [old],
    });
    expect(parseBackup(v1)).toEqual({ ok: true, postings: [{ ...A, status: 'New', notes: '' }] });
  });

  it('a version 2 backup carries status and notes through', () => {
    const tracked = { ...B, status: 'Rejected' as const, notes: 'Position filled' };
    const r = parseBackup(toJSON([tracked]));
    expect(r).toEqual({ ok: true, postings: [tracked] });
  });
});
