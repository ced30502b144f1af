// Diplomas, majors and years: what a posting asks against what a candidate holds.
import { buildSynonymIndex, spellingKey, tidySkill, type SynonymIndex } from './normalize';
import { parseSynonymTable } from './synonyms';

/** Degree levels, low to high. A posting's level is met by that level or any higher one. */
export const DEGREE_LEVELS = ['high school', 'associate', 'bachelor', 'master', 'doctorate'] as const;

// Whole words (dots removed, lower case) that name a level. `ba`, `as`, `be`, `ma`, `ms` are
// ordinary words too, so they only count when they are the whole part of a value (`ba / bs / ms`).
const LEVEL_WORDS: Record<string, number> = {
  ged: 0,
  associate: 1,
  associates: 1,
  aas: 1,
  bachelor: 2,
  bachelors: 2,
  bs: 2,
  bsc: 2,
  beng: 2,
  btech: 2,
  bba: 2,
  bsee: 2,
  bscs: 2,
  bcs: 2,
  undergraduate: 2,
  baccalaureate: 2,
  licence: 2,
  master: 3,
  masters: 3,
  msc: 3,
  mba: 3,
  meng: 3,
  mphil: 3,
  mres: 3,
  mfa: 3,
  mpa: 3,
  mph: 3,
  msee: 3,
  mscs: 3,
  postgraduate: 3,
  phd: 4,
  doctorate: 4,
  doctoral: 4,
  dphil: 4,
  edd: 4,
};
const WHOLE_PART_WORDS: Record<string, number> = { aa: 1, as: 1, ba: 2, be: 2, ab: 2, ms: 3, ma: 3, md: 4, doctor: 4 };
const LEVEL_PHRASES: [RegExp, number][] = [
  [/\bhigh school\b|\bsecondary school\b/, 0],
  [/\b(2|two)[ -]year (college )?degree\b/, 1],
  [/\b(4|four)[ -]year (college |university )?degree\b|\b(college|university|undergraduate) degree\b/, 2],
  [/\b(graduate|advanced|post[ -]graduate) degree\b/, 3],
];

/** The parts of one value: `ba / bs / ms` -> three parts; `computer science or related` -> two. */
export function valueParts(value: string): string[] {
  return tidySkill(value)
    .split(/\s*(?:[,;/|]|\bor\b)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Every degree level a value names (several for `ba / bs / ms`). Bare `degree` counts as bachelor. */
export function degreeLevels(value: string): number[] {
  const levels = new Set<number>();
  for (const part of valueParts(value)) {
    const plain = part.replace(/\./g, '').replace(/'s\b/g, 's');
    for (const [re, level] of LEVEL_PHRASES) if (re.test(plain)) levels.add(level);
    const words = plain.split(/[^a-z0-9]+/).filter(Boolean);
    // Own keys only: a word such as `constructor` must not find Object's.
    if (words.length === 1 && Object.hasOwn(WHOLE_PART_WORDS, words[0])) levels.add(WHOLE_PART_WORDS[words[0]]);
    for (const w of words) if (Object.hasOwn(LEVEL_WORDS, w)) levels.add(LEVEL_WORDS[w]);
  }
  if (levels.size === 0 && /\bdegree\b/.test(tidySkill(value))) levels.add(2);
  return [...levels].sort((a, b) => a - b);
}

export interface RequirementCheck {
  /** Values as the posting gave them, distinct. */
  asked: string[];
  /** The candidate's values. */
  held: string[];
  /** true/false when both sides are known and comparable; null when either is missing or unclear. */
  ok: boolean | null;
}

/** The lowest level asked is the requirement (`BS required, MS preferred` asks for a BS). */
export function checkDiploma(asked: string[], held: string[]): RequirementCheck {
  const result: RequirementCheck = { asked, held, ok: null };
  if (asked.length === 0 || held.length === 0) return result;
  const askedLevels = asked.flatMap(degreeLevels);
  const heldLevels = held.flatMap(degreeLevels);
  if (askedLevels.length > 0 && heldLevels.length > 0) {
    result.ok = Math.max(...heldLevels) >= Math.min(...askedLevels);
    return result;
  }
  const keys = new Set(asked.flatMap(valueParts).map(spellingKey));
  if (held.flatMap(valueParts).some((h) => keys.has(spellingKey(h)))) result.ok = true;
  return result;
}

/** Majors: one line per field of study, as in synonyms.ts. */
export const MAJOR_SYNONYMS = `
computer science: cs, comp sci, computing science, computer sciences
computer engineering: cpe, comp eng
electrical engineering: ee, electrical
electrical and computer engineering: ece
mechanical engineering: me, mech eng
information technology: it
information systems: is, mis, management information systems
mathematics: math, maths
statistics: stats
business administration: business
`;

let majorIndex: SynonymIndex | undefined;
function majorKey(value: string): string {
  majorIndex ??= buildSynonymIndex(parseSynonymTable(MAJOR_SYNONYMS));
  const key = spellingKey(value);
  return majorIndex.keyOf.get(key) ?? key;
}

// Parts that name no field (`or related field`, `equivalent`) are not requirements.
const FILLER_PART = /\b(related|equivalent|similar|relevant|comparable|etc|other)\b|^(field|discipline|area)s?$/;

/** Majors: met when a held major is, contains, or is contained in a field asked. */
export function checkMajor(asked: string[], held: string[]): RequirementCheck {
  const result: RequirementCheck = { asked, held, ok: null };
  const askedKeys = asked
    .flatMap(valueParts)
    .filter((p) => !FILLER_PART.test(p))
    .map(majorKey)
    .filter(Boolean);
  const heldKeys = held.flatMap(valueParts).map(majorKey).filter(Boolean);
  if (askedKeys.length === 0 || heldKeys.length === 0) return result;
  result.ok = heldKeys.some((h) => askedKeys.some((a) => a === h || a.includes(h) || h.includes(a)));
  return result;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  a: 1,
  an: 1,
};

/**
 * The years an experience value asks for: `3 + years` -> 3, `2-5 years` -> 2 (the minimum),
 * `five (5) years` -> 5, `6 months` -> 0.5, `at least 10 yrs` -> 10. null when it names no amount.
 */
export function yearsFromExperience(value: string): number | null {
  const s = value.toLowerCase().replace(/(\d)\s*,\s*(\d)/g, '$1.$2');
  const m =
    /(\d+(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|an?)\b)(?:\s*\(\s*\d+\s*\))?\s*(?:\+|plus|or more)?\s*(?:(?:-|–|to)\s*\d+(?:\.\d+)?\s*\+?\s*)?(years?|yrs?|months?|mos?)\b/.exec(
      s,
    );
  if (!m) return null;
  const n = /^\d/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1]];
  if (!Number.isFinite(n)) return null;
  return /^mo/.test(m[2]) ? Math.round((n / 12) * 100) / 100 : n;
}

export interface ExperienceCheck {
  /** Years asked: the largest of the posting's values (each value's minimum), null when none names an amount. */
  asked: number | null;
  /** The posting's experience values as extracted. */
  values: string[];
  held: number | null;
  ok: boolean | null;
}

export function checkExperience(values: string[], held: number | undefined): ExperienceCheck {
  const years = values.map(yearsFromExperience).filter((n): n is number => n !== null);
  const asked = years.length ? Math.max(...years) : null;
  const h = held ?? null;
  return { asked, values, held: h, ok: asked === null || h === null ? null : h >= asked };
}
