// Candidate mode: how a profile fits one posting. Pure: the popup, the CLI and tests call it alike.
import type { Entities } from '../entities';
import { toDisplay } from '../display';
import { checkDiploma, checkExperience, checkMajor, type ExperienceCheck, type RequirementCheck } from './degrees';
import { distinctByKey, skillKey } from './normalize';
import type { MatchProfile } from './profile';

export interface SkillChip {
  /** The posting's value as extracted (first spelling of each distinct skill). */
  value: string;
  matched: boolean;
}

export interface MatchResult {
  /** 0..1: the share of the posting's distinct skills the candidate has (0 when it lists none). */
  score: number;
  /** The score's arithmetic in words, for the popup. */
  formula: string;
  /** Distinct skills the posting asks for (the denominator). */
  asked: number;
  /** Posting-side values (as extracted) the candidate has. */
  matched: string[];
  /** Posting-side values (as extracted) the candidate lacks. */
  missing: string[];
  /** The candidate's skills (as typed) the posting does not ask for. */
  extra: string[];
  /** Every distinct posting skill in posting order, marked: the popup's chips. */
  chips: SkillChip[];
  experience: ExperienceCheck;
  diploma: RequirementCheck;
  major: RequirementCheck;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Compare a profile with a posting's entities. Spellings of one skill count once on each side. */
export function matchSkills(profile: MatchProfile, posting: Entities): MatchResult {
  const asked = distinctByKey(posting.skills);
  const held = distinctByKey(profile.skills);
  const heldKeys = new Set(held.map((s) => skillKey(s)));
  const askedKeys = new Set(asked.map((s) => skillKey(s)));
  const chips = asked.map((value) => ({ value, matched: heldKeys.has(skillKey(value)) }));
  const matched = chips.filter((c) => c.matched).map((c) => c.value);
  const missing = chips.filter((c) => !c.matched).map((c) => c.value);
  const extra = held.filter((s) => !askedKeys.has(skillKey(s)));
  const score = asked.length ? matched.length / asked.length : 0;
  const formula = asked.length
    ? `score = skills you have / distinct skills asked = ${matched.length} / ${asked.length} = ${percent(score)}`
    : 'score = 0: the posting lists no skills to compare';
  return {
    score,
    formula,
    asked: asked.length,
    matched,
    missing,
    extra,
    chips,
    experience: checkExperience(posting.experience, profile.years),
    diploma: checkDiploma(distinctByKey(posting.diploma), profile.diplomas ?? []),
    major: checkMajor(distinctByKey(posting.diploma_major), profile.majors ?? []),
  };
}

/**
 * The missing skills as text to paste into a cover letter or a learning plan: one per line in
 * display form (`c #` -> `C#`), or `- ` bullets, or one comma-separated line.
 */
export function missingAsText(result: Pick<MatchResult, 'missing'>, style: 'lines' | 'bullets' | 'comma' = 'lines'): string {
  const names = result.missing.map(toDisplay);
  if (style === 'comma') return names.join(', ');
  return names.map((n) => (style === 'bullets' ? `- ${n}` : n)).join('\n');
}
