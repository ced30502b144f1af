// The candidate's profile: skills, years, diplomas, majors. Stored locally by the extension and
// exported/imported as a JSON file; validated with zod wherever it comes in.
import { z } from 'zod';
import type { Entities } from '../entities';
import { yearsFromExperience } from './degrees';
import { distinctByKey, skillKey } from './normalize';

export const PROFILE_VERSION = 1;

const value = z.string().trim().min(1).max(200);

export const ProfileSchema = z.object({
  // Hand-written files may leave the version out; a future version is refused, not guessed at.
  version: z.literal(PROFILE_VERSION).default(PROFILE_VERSION),
  skills: z.array(value).max(2000),
  years: z.number().min(0).max(80).optional(),
  diplomas: z.array(value).max(50).optional(),
  majors: z.array(value).max(50).optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** What matching needs; a Profile is one. */
export interface MatchProfile {
  skills: string[];
  years?: number;
  diplomas?: string[];
  majors?: string[];
}

export function emptyProfile(): Profile {
  return { version: PROFILE_VERSION, skills: [] };
}

export type ProfileParse = { ok: true; profile: Profile } | { ok: false; error: string };

/** Validate a profile from a file's text or an already-parsed value. Repeated skills are kept once. */
export function parseProfile(input: string | unknown): ProfileParse {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, error: 'This file is not JSON. Choose a profile exported by job-entities (a .json file).' };
    }
  }
  const r = ProfileSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue.path.length ? `"${issue.path.join('.')}"` : 'the file';
    const why =
      issue.path[0] === 'version'
        ? `is ${JSON.stringify((data as { version?: unknown }).version)}, but this version reads profile version ${PROFILE_VERSION}`
        : issue.message;
    return { ok: false, error: `Not a valid profile: ${where} ${why}. Nothing was changed.` };
  }
  const p = r.data;
  return { ok: true, profile: { ...p, skills: distinctByKey(p.skills) } };
}

/** The profile as a file's text (stable key order, pretty-printed). */
export function exportProfile(profile: Profile): string {
  const out: Profile = { version: PROFILE_VERSION, skills: [...profile.skills] };
  if (profile.years !== undefined) out.years = profile.years;
  if (profile.diplomas?.length) out.diplomas = [...profile.diplomas];
  if (profile.majors?.length) out.majors = [...profile.majors];
  return JSON.stringify(out, null, 2) + '\n';
}

/** Add skills (typed or pasted), skipping any the profile already has under another spelling. */
export function addSkills(profile: Profile, skills: string[]): Profile {
  return { ...profile, skills: distinctByKey([...profile.skills, ...skills.map((s) => s.trim()).filter(Boolean)]) };
}

/** Remove a skill and its other spellings. */
export function removeSkill(profile: Profile, skill: string): Profile {
  const key = skillKey(skill);
  return { ...profile, skills: profile.skills.filter((s) => skillKey(s) !== key) };
}

/**
 * Split a pasted list into skills: commas, semicolons, pipes, tabs, line breaks and bullets
 * (`-`, `*`, `•`, `1.`) separate; commas inside parentheses do not (`Python (Django, Flask)`).
 * Repeats, including other spellings of the same skill, are kept once.
 */
export function parseSkillList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    if (ch === '(' || ch === '[') depth++;
    if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (
      ch === '\n' ||
      ((ch === ',' || ch === ';' || ch === '|' || ch === '\t' || ch === '•' || ch === '·' || ch === '▪') && depth === 0)
    ) {
      items.push(current);
      current = '';
      if (ch === '\n') depth = 0;
    } else current += ch;
  }
  items.push(current);
  const cleaned = items
    .map((s) =>
      s
        .trim()
        .replace(/^(?:[-*•·▪◦‣⁃>–—]+|\d{1,3}[.)])\s*/, '')
        .replace(/(?<=[\p{L}\p{N}+#)])[.:]+$/u, '')
        .trim(),
    )
    .filter((s) => s.length > 0 && /[\p{L}\p{N}]/u.test(s));
  return distinctByKey(cleaned);
}

/**
 * A profile from a résumé run through the same extraction pipeline as postings: its skills,
 * diplomas and majors (each once), and the largest number of years it states.
 */
export function profileFromEntities(entities: Entities): Profile {
  const profile: Profile = { version: PROFILE_VERSION, skills: distinctByKey(entities.skills) };
  const years = entities.experience.map(yearsFromExperience).filter((n): n is number => n !== null);
  if (years.length) profile.years = Math.min(80, Math.max(...years));
  const diplomas = distinctByKey(entities.diploma);
  if (diplomas.length) profile.diplomas = diplomas;
  const majors = distinctByKey(entities.diploma_major);
  if (majors.length) profile.majors = majors;
  return profile;
}

/** Add what a résumé gave to an existing profile: skills, diplomas and majors joined, the larger years kept. */
export function mergeProfiles(base: Profile, extra: Profile): Profile {
  const out: Profile = { ...base, skills: distinctByKey([...base.skills, ...extra.skills]) };
  const years = [base.years, extra.years].filter((n): n is number => n !== undefined);
  if (years.length) out.years = Math.max(...years);
  const diplomas = distinctByKey([...(base.diplomas ?? []), ...(extra.diplomas ?? [])]);
  if (diplomas.length) out.diplomas = diplomas;
  const majors = distinctByKey([...(base.majors ?? []), ...(extra.majors ?? [])]);
  if (majors.length) out.majors = majors;
  return out;
}
