// Candidate mode: how a profile fits one posting. Pure: the popup, the CLI and tests call it alike.
//
// Only what the job asks counts. A skill's section (details[i].section, filled in by extraction)
// says whether it is required (requirements or responsibilities, or no section known) or
// nice-to-have; skills found only in the company blurb, the benefits, the legal text or the
// process are listed apart and not scored. When no skill of the posting comes from a requirement
// section, the section information is not trusted (the page had no usable headings) and every
// skill counts as required. The score is the share of required skills held, nice-to-have ones
// weighing half: (held required + ½ held nice) / (required + ½ nice).
import type { Entities, EntityDetail } from '../entities';
import { toDisplay } from '../display';
import type { SectionKind } from '../sections';
import { checkDiploma, checkExperience, checkMajor, type ExperienceCheck, type RequirementCheck } from './degrees';
import { distinctByKey, skillKey } from './normalize';
import { skillConcepts } from './phrases';
import type { MatchProfile } from './profile';
import { pluralize } from '../text';

export type SkillImportance = 'required' | 'niceToHave';

/** What the popup marks on each of the posting's skills. */
export interface SkillChip {
  /** The posting's value as extracted (the first spelling of each distinct skill). */
  value: string;
  matched: boolean;
  importance: SkillImportance;
  /** The section kind it was found in, when known. */
  section?: SectionKind;
  /** The candidate's skill (as typed) that matched it. */
  by?: string;
}

export interface SkillTally {
  matched: number;
  total: number;
}

export interface MatchResult {
  /** 0..1: (held required + ½ held nice-to-have) / (required + ½ nice-to-have); 0 when nothing is asked. */
  score: number;
  /** One line for the popup and the CLI: "7 of 12 required skills · 58 %". */
  summary: string;
  /** The score's arithmetic in words. */
  formula: string;
  required: SkillTally;
  niceToHave: SkillTally;
  /** Distinct skills scored (required + nice-to-have). */
  asked: number;
  /** Posting-side values (as extracted) the candidate has, required then nice-to-have. */
  matched: string[];
  /** Posting-side values (as extracted) the candidate lacks, required then nice-to-have. */
  missing: string[];
  /** The candidate's skills (as typed) the posting does not ask for. */
  extra: string[];
  /** Every scored posting skill in posting order, marked: the popup's chips. */
  chips: SkillChip[];
  /** Skills found only outside what the job asks (company, benefits, legal, process, other): not scored. */
  ignored: string[];
  experience: ExperienceCheck;
  diploma: RequirementCheck;
  major: RequirementCheck;
}

/** A posting's entities, with per-value details when extraction gave them. */
export type MatchablePosting = Entities & { details?: { skills: EntityDetail[] } };

function percent(x: number): string {
  return `${Math.round(x * 100)} %`;
}

/** The section of each skill value, from details running parallel to the values (or by value). */
function sectionsOf(posting: MatchablePosting): (SectionKind | undefined)[] {
  const details = posting.details?.skills ?? [];
  const parallel = details.length === posting.skills.length && details.every((d, i) => d.value === posting.skills[i]);
  const byValue = new Map<string, SectionKind | undefined>();
  for (const d of details) if (!byValue.has(d.value)) byValue.set(d.value, d.section);
  return posting.skills.map((v, i) => (parallel ? details[i].section : byValue.get(v)));
}

interface PostingSkill {
  value: string;
  key: string;
  concepts: string[];
  importance: SkillImportance | 'ignored';
  section?: SectionKind;
}

/**
 * The posting's distinct skills in order. Spellings of one skill are one; a phrase whose only
 * skill is another of the posting's skills ("running kubernetes" beside "kubernetes") joins it.
 * A skill seen in several sections takes the most demanding: required over nice-to-have over
 * ignored.
 */
function postingSkills(posting: MatchablePosting, candidateKeys: ReadonlySet<string>): PostingSkill[] {
  const sections = sectionsOf(posting);
  const trusted = sections.some((s) => s === 'requirements' || s === 'responsibilities');
  const importanceOf = (s: SectionKind | undefined): PostingSkill['importance'] => {
    if (!trusted || s === undefined || s === 'requirements' || s === 'responsibilities') return 'required';
    return s === 'nice-to-have' ? 'niceToHave' : 'ignored';
  };
  const postingKeys = new Set(posting.skills.map((v) => skillKey(v)).filter(Boolean));
  const known = new Set([...postingKeys, ...candidateKeys]);
  const out: PostingSkill[] = [];
  const byKey = new Map<string, PostingSkill>();
  const rank = { required: 0, niceToHave: 1, ignored: 2 } as const;
  posting.skills.forEach((value, i) => {
    const key = skillKey(value);
    if (!key) return;
    const concepts = skillConcepts(value, known);
    const heads = concepts.filter((c) => c !== key);
    // The same skill, or a phrase around exactly one other skill of this posting.
    const joinKey = byKey.has(key) ? key : heads.length === 1 && postingKeys.has(heads[0]) ? heads[0] : key;
    const importance = importanceOf(sections[i]);
    const existing = byKey.get(joinKey);
    if (existing) {
      if (rank[importance] < rank[existing.importance]) {
        existing.importance = importance;
        existing.section = sections[i];
      }
      for (const c of concepts) if (!existing.concepts.includes(c)) existing.concepts.push(c);
      byKey.set(key, existing);
      return;
    }
    const skill: PostingSkill = { value, key, concepts, importance, section: sections[i] };
    byKey.set(key, skill);
    if (joinKey !== key) byKey.set(joinKey, skill);
    out.push(skill);
  });
  return out;
}

/** Compare a profile with a posting's entities. Spellings of one skill count once on each side. */
export function matchSkills(profile: MatchProfile, posting: MatchablePosting): MatchResult {
  const held = distinctByKey(profile.skills);
  const heldKeys = new Set(held.map((s) => skillKey(s)));
  const asked = postingSkills(posting, heldKeys);
  const askedKeys = new Set(asked.flatMap((s) => s.concepts));
  // Each of the candidate's skills with the skills it names ("running Kubernetes" names Kubernetes).
  const heldConcepts = held.map((h) => ({ value: h, concepts: skillConcepts(h, askedKeys) }));
  const holder = (skill: PostingSkill): string | undefined =>
    heldConcepts.find((h) => h.concepts.some((c) => skill.concepts.includes(c)))?.value;

  const chips: SkillChip[] = [];
  const ignored: string[] = [];
  for (const s of asked) {
    if (s.importance === 'ignored') {
      ignored.push(s.value);
      continue;
    }
    const by = holder(s);
    const chip: SkillChip = { value: s.value, matched: by !== undefined, importance: s.importance };
    if (s.section) chip.section = s.section;
    if (by !== undefined) chip.by = by;
    chips.push(chip);
  }
  const tally = (importance: SkillImportance): SkillTally => {
    const these = chips.filter((c) => c.importance === importance);
    return { matched: these.filter((c) => c.matched).length, total: these.length };
  };
  const required = tally('required');
  const niceToHave = tally('niceToHave');
  const weight = required.total + niceToHave.total / 2;
  const score = weight > 0 ? (required.matched + niceToHave.matched / 2) / weight : 0;
  const scored = new Set(asked.filter((s) => s.importance !== 'ignored').flatMap((s) => s.concepts));
  const ordered = [
    ...chips.filter((c) => c.importance === 'required'),
    ...chips.filter((c) => c.importance === 'niceToHave'),
  ];
  return {
    score,
    summary: summaryOf(required, niceToHave, score),
    formula: formulaOf(required, niceToHave, score),
    required,
    niceToHave,
    asked: chips.length,
    matched: ordered.filter((c) => c.matched).map((c) => c.value),
    missing: ordered.filter((c) => !c.matched).map((c) => c.value),
    extra: heldConcepts.filter((h) => !h.concepts.some((c) => scored.has(c))).map((h) => h.value),
    chips,
    ignored,
    experience: checkExperience(posting.experience, profile.years),
    diploma: checkDiploma(distinctByKey(posting.diploma), profile.diplomas ?? []),
    major: checkMajor(distinctByKey(posting.diploma_major), profile.majors ?? []),
  };
}

function summaryOf(required: SkillTally, nice: SkillTally, score: number): string {
  if (required.total + nice.total === 0) return 'No skills to compare';
  const parts: string[] = [];
  if (required.total > 0) parts.push(`${required.matched} of ${pluralize(required.total, 'required skill')}`);
  if (nice.total > 0) parts.push(`${nice.matched} of ${nice.total} nice-to-have`);
  return `${parts.join(', ')} · ${percent(score)}`;
}

function formulaOf(required: SkillTally, nice: SkillTally, score: number): string {
  if (required.total + nice.total === 0) return 'score = 0: the posting lists no skills to compare';
  if (nice.total === 0)
    return `score = required skills you have / required skills = ${required.matched} / ${required.total} = ${percent(score)}`;
  return `score = (required you have + ½ nice-to-have you have) / (required + ½ nice-to-have) = (${required.matched} + ${nice.matched}/2) / (${required.total} + ${nice.total}/2) = ${percent(score)}`;
}

/**
 * How one of the posting's values fares, for marking its chip anywhere the popup shows it
 * (another spelling of a scored skill, or a phrase around it, finds that skill's chip).
 * undefined for a value that is not scored.
 */
export function chipFor(result: Pick<MatchResult, 'chips'>, value: string): SkillChip | undefined {
  const key = skillKey(value);
  if (!key) return undefined;
  const exact = result.chips.find((c) => c.value === value || skillKey(c.value) === key);
  if (exact) return exact;
  // The value is the head of a scored phrase ("kubernetes" for "running kubernetes")...
  const only = new Set([key]);
  const around = result.chips.find((c) => skillConcepts(c.value, only).includes(key));
  if (around) return around;
  // ...or a phrase around a scored skill.
  const keys = new Set(result.chips.map((c) => skillKey(c.value)));
  const concepts = skillConcepts(value, keys).filter((c) => c !== key);
  return concepts.length === 1 ? result.chips.find((c) => skillKey(c.value) === concepts[0]) : undefined;
}

/**
 * The missing skills as text to paste into a cover letter or a learning plan: one per line in
 * display form (`c #` -> `C#`), or `- ` bullets, or one comma-separated line.
 */
export function missingAsText(
  result: Pick<MatchResult, 'missing'>,
  style: 'lines' | 'bullets' | 'comma' = 'lines',
): string {
  const names = result.missing.map(toDisplay);
  if (style === 'comma') return names.join(', ');
  return names.map((n) => (style === 'bullets' ? `- ${n}` : n)).join('\n');
}

/**
 * The order to show several postings in, best match first: indices into `scores`, highest score
 * first, ties in input order; postings without a score (failed) last, in input order.
 */
export function rankOrder(scores: readonly (number | undefined)[]): number[] {
  return scores
    .map((score, i) => ({ score, i }))
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.i - b.i)
    .map((x) => x.i);
}
