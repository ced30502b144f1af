// A stored profile read value by value: one bad value costs one value, not the profile (each skill,
// the years, each diploma and major checked on its own), and what reading leaves out is named one
// by one so a write sets it aside (stored-list.ts's policy) instead of dropping it.
import { ProfileSchema, PROFILE_VERSION, parseProfile, type Profile } from '../core/match';
import type { KeyedItem } from './stored-list';

/** The set-aside name of a stored value that is not a profile at all. */
const WHOLE = 'profile';

export interface StoredProfile {
  /** null: no profile saved (or nothing in it could be read). */
  profile: Profile | null;
  /** What could not be read, in words for the page; absent when the stored value was fine. */
  problem?: string;
}

const item = ProfileSchema.shape.skills.element;
const years = ProfileSchema.shape.years;

function keepValid(list: unknown): { kept: string[]; dropped: number } {
  if (!Array.isArray(list)) return { kept: [], dropped: list === undefined ? 0 : 1 };
  const kept = list.flatMap((v) => {
    const r = item.safeParse(v);
    return r.success ? [r.data] : [];
  });
  return { kept, dropped: list.length - kept.length };
}

/** The stored value as a profile: valid as is, salvaged value by value, or null. */
export function readStoredProfile(raw: unknown): StoredProfile {
  if (raw === undefined || raw === null) return { profile: null };
  const whole = parseProfile(raw);
  if (whole.ok) return { profile: whole.profile };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { profile: null, problem: 'The saved profile was unreadable and was ignored. Saving will replace it.' };
  }
  const r = raw as Record<string, unknown>;
  if (typeof r.version === 'number' && r.version > PROFILE_VERSION) {
    return {
      profile: null,
      problem: `The saved profile comes from a newer version of the extension (profile version ${r.version}). Update the extension to use it; saving here would replace it.`,
    };
  }
  const skills = keepValid(r.skills);
  const diplomas = keepValid(r.diplomas);
  const majors = keepValid(r.majors);
  const y = years.safeParse(r.years);
  const salvaged = parseProfile({
    version: PROFILE_VERSION,
    skills: skills.kept.slice(0, 2000),
    ...(y.success && y.data !== undefined ? { years: y.data } : {}),
    ...(diplomas.kept.length ? { diplomas: diplomas.kept.slice(0, 50) } : {}),
    ...(majors.kept.length ? { majors: majors.kept.slice(0, 50) } : {}),
  });
  const dropped = skills.dropped + diplomas.dropped + majors.dropped + (y.success ? 0 : 1);
  const problem = `Some values in the saved profile were unreadable and were left out (${dropped}). Save to keep the rest.`;
  if (!salvaged.ok || isEmptyProfile(salvaged.profile))
    return { profile: null, problem: 'The saved profile was unreadable and was ignored. Saving will replace it.' };
  return { profile: salvaged.profile, problem };
}

/** A profile with nothing to compare. */
export function isEmptyProfile(p: Profile): boolean {
  return p.skills.length === 0 && p.years === undefined && !p.diplomas?.length && !p.majors?.length;
}

/** The values of a stored profile that reading leaves out, one by one ({field, value}); the whole value when it is not a profile at all. */
export function unreadableValues(raw: unknown): KeyedItem[] {
  if (raw === undefined || raw === null || parseProfile(raw).ok) return [];
  if (typeof raw !== 'object' || Array.isArray(raw)) return [{ key: WHOLE, value: raw }];
  const r = raw as Record<string, unknown>;
  if (typeof r.version === 'number' && r.version > PROFILE_VERSION) return [{ key: WHOLE, value: raw }];
  const out: KeyedItem[] = [];
  for (const field of ['skills', 'diplomas', 'majors'] as const) {
    const list = r[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) out.push({ key: field, value: list });
    else for (const v of list) if (!item.safeParse(v).success) out.push({ key: field, value: v });
  }
  if (r.years !== undefined && !years.safeParse(r.years).success) out.push({ key: 'years', value: r.years });
  return out;
}
