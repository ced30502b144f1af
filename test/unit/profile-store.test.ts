// The candidate profile in storage.local: round trip, salvage of bad stored values (one bad value
// costs that value only), refusal of invalid profiles on save, and no other key ever touched.
import { describe, expect, it } from 'vitest';
import {
  deleteProfile,
  isEmptyProfile,
  loadProfile,
  readStoredProfile,
  saveProfile,
} from '../../src/shared/profile-store';
import type { StorageAreaLike } from '../../src/shared/storage';
import { memoryArea } from './fake-storage';

describe('profile store', () => {
  it('has no profile on a fresh install', async () => {
    expect(await loadProfile(memoryArea())).toEqual({ profile: null });
  });

  it('saves and loads a profile, other spellings of one skill kept once', async () => {
    const area = memoryArea({ settings: { model: 'm' } });
    const saved = await saveProfile(area, {
      version: 1,
      skills: ['TypeScript', 'reactjs', 'React', 'Postgres'],
      years: 4,
      diplomas: ['BS'],
    });
    expect(saved.skills).toEqual(['TypeScript', 'reactjs', 'Postgres']);
    expect(await loadProfile(area)).toEqual({ profile: saved });
    expect(area.data.settings).toEqual({ model: 'm' });
  });

  it('refuses to store an invalid profile and keeps the saved one', async () => {
    const area = memoryArea();
    await saveProfile(area, { version: 1, skills: ['Go'] });
    await expect(saveProfile(area, { version: 1, skills: ['x'.repeat(300)] })).rejects.toThrow(/Not a valid profile/);
    expect((await loadProfile(area)).profile?.skills).toEqual(['Go']);
  });

  it('salvages a stored profile value by value and says what was dropped', () => {
    const got = readStoredProfile({
      version: 1,
      skills: ['Rust', 42, '', 'Go'],
      years: 'ten',
      diplomas: ['MS', null],
      majors: 'math',
    });
    expect(got.profile).toEqual({ version: 1, skills: ['Rust', 'Go'], diplomas: ['MS'] });
    expect(got.problem).toMatch(/left out \(5\)/);
  });

  it('ignores unreadable values without throwing', () => {
    for (const raw of [42, 'profile', [], { skills: 'a, b' }, { version: 1, skills: [], years: -3 }]) {
      const got = readStoredProfile(raw);
      expect(got.profile).toBeNull();
      expect(got.problem).toMatch(/unreadable/);
    }
  });

  it('does not guess at a profile from a newer version', () => {
    const got = readStoredProfile({ version: 9, skills: ['Go'] });
    expect(got.profile).toBeNull();
    expect(got.problem).toMatch(/newer version/);
  });

  it('reports a storage failure instead of throwing', async () => {
    const broken: StorageAreaLike = {
      get: () => Promise.reject(new Error('quota')),
      set: async () => {},
      remove: async () => {},
    };
    const got = await loadProfile(broken);
    expect(got.profile).toBeNull();
    expect(got.problem).toMatch(/could not read/);
  });

  it('deletes only the profile', async () => {
    const area = memoryArea({ settings: { a: 1 }, resultCache: { entries: {}, byUrl: {} } });
    await saveProfile(area, { version: 1, skills: ['Go'] });
    await deleteProfile(area);
    expect(Object.keys(area.data).sort()).toEqual(['resultCache', 'settings']);
  });

  it('knows an empty profile', () => {
    expect(isEmptyProfile({ version: 1, skills: [] })).toBe(true);
    expect(isEmptyProfile({ version: 1, skills: [], years: 0 })).toBe(false);
  });
});
