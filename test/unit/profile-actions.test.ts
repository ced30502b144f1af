// The profile page's use cases without the page: list merging, years parsing, what Save refuses,
// and save, delete and import on an in-memory storage area, each with the notice it gives.
import { describe, expect, it, vi } from 'vitest';

// webextension-polyfill refuses to load outside an extension; these use cases never send a message.
vi.hoisted(() => {
  (globalThis as Record<string, unknown>).chrome = { runtime: { id: 'test-extension-id' } };
});

import type { Profile } from '../../src/core/match';
import {
  addListValues,
  foundText,
  parseYears,
  readProfileFile,
  removeListValue,
  removeProfile,
  sameProfile,
  saveDraft,
  saveImported,
  saveRefusal,
  withYears,
} from '../../src/profile/actions';
import { PROFILE_KEY } from '../../src/shared/profile-store';
import type { StorageAreaLike } from '../../src/shared/storage';
import { memoryArea } from './fake-storage';

const profile = (p: Partial<Profile> = {}): Profile => ({ version: 1, skills: [], ...p });

describe('profile edits', () => {
  it('adds diplomas and majors once each, case-insensitively, in order', () => {
    const p = addListValues(profile({ diplomas: ['BS'] }), 'diplomas', ['bs', 'MS', 'ms', 'PhD']);
    expect(p.diplomas).toEqual(['BS', 'MS', 'PhD']);
    expect(addListValues(profile(), 'majors', ['physics']).majors).toEqual(['physics']);
  });

  it('drops a list that its last value leaves', () => {
    const p = profile({ majors: ['physics', 'math'] });
    expect(removeListValue(p, 'majors', 'math').majors).toEqual(['physics']);
    expect('majors' in removeListValue(profile({ majors: ['math'] }), 'majors', 'math')).toBe(false);
  });

  it('reads years from 0 to 80 to a tenth, anything else as no value', () => {
    expect(parseYears('5')).toBe(5);
    expect(parseYears('2.46')).toBe(2.5);
    expect(parseYears('0')).toBe(0);
    for (const text of ['', '  ', '-1', '81', 'ten', 'Infinity']) expect(parseYears(text)).toBeUndefined();
    expect(withYears(profile({ years: 3 }), '500')).toEqual(profile());
    expect(withYears(profile(), '4')).toEqual(profile({ years: 4 }));
  });

  it('refuses to save years that are not a number, or a profile with nothing in it', () => {
    expect(saveRefusal(profile({ skills: ['Go'] }), '500')).toEqual({
      field: 'years',
      text: 'Years of experience must be a number from 0 to 80.',
    });
    expect(saveRefusal(profile(), '')?.field).toBe('skills');
    expect(saveRefusal(profile({ skills: ['Go'] }), '')).toBeUndefined();
    expect(saveRefusal(profile({ years: 3 }), '3')).toBeUndefined();
  });

  it('compares a draft with nothing stored as with an empty profile', () => {
    expect(sameProfile(null, profile())).toBe(true);
    expect(sameProfile(null, profile({ skills: ['Go'] }))).toBe(false);
  });

  it('says what a résumé gave, lists named in the singular or plural', () => {
    expect(foundText(profile({ skills: ['Go'], years: 4, diplomas: ['BS'], majors: ['math', 'physics'] }))).toBe(
      '1 skill; 4 years; diploma: BS; majors: math, physics',
    );
    expect(foundText(profile())).toBe('0 skills');
  });
});

describe('profile storage use cases', () => {
  it('saves a draft and says how many skills the popup compares', async () => {
    const area = memoryArea();
    const got = await saveDraft(area, profile({ skills: ['Go', 'Rust'] }));
    expect(got.notice).toEqual({ kind: 'ok', text: 'Saved. The popup now compares postings with your 2 skills.' });
    expect(got.kept?.skills).toEqual(['Go', 'Rust']);
    expect(area.data[PROFILE_KEY]).toEqual(got.kept);
  });

  it('reports a refused save without storing anything', async () => {
    const area = memoryArea();
    const got = await saveImported(area, profile({ skills: ['x'.repeat(300)] }));
    expect(got.kept).toBeUndefined();
    expect(got.notice.kind).toBe('error');
    expect(got.notice.text).toMatch(/^Not saved: /);
    expect(area.data).toEqual({});
  });

  it('deletes the stored profile, and reports a failed delete instead of dropping it', async () => {
    const area = memoryArea({ [PROFILE_KEY]: profile({ skills: ['Go'] }) });
    expect((await removeProfile(area)).deleted).toBe(true);
    expect(area.data).toEqual({});
    const broken: StorageAreaLike = { ...memoryArea(), remove: () => Promise.reject(new Error('quota\nmore')) };
    expect(await removeProfile(broken)).toEqual({
      deleted: false,
      notice: { kind: 'error', text: 'Not deleted: quota\nmore' },
    });
  });

  it('reads a profile file, and reports a bad or too large one', async () => {
    const good = new File([JSON.stringify(profile({ skills: ['Go'] }))], 'p.json');
    expect(await readProfileFile(good)).toEqual({ ok: true, profile: profile({ skills: ['Go'] }) });
    const bad = await readProfileFile(new File(['{"skills": 3}'], 'bad.json'));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^"bad.json": /);
    const big = await readProfileFile(new File(['x'.repeat(2_000_001)], 'big.json'));
    expect(big).toEqual({
      ok: false,
      error: '"big.json" is too large for a profile (over 2 MB). Nothing was changed.',
    });
  });
});
