// Which section of a posting each extracted value comes from. A provider returns values only
// (a model cannot say where it read them), so the section is found afterwards by looking for the
// value in the posting's sections: matching needs it to tell required skills from nice-to-have
// ones and from words picked up in the company blurb or the benefits.
//
// The search is by tokens, case-insensitive, so that the training data's token-spaced form finds
// the page's spelling (`c #` finds "C#", `ci / cd` finds "CI/CD", `3 + years` finds "3+ years")
// while `java` never finds "JavaScript" and `c` never finds "C#" or "C++".
import { ENTITY_TYPES, type Entities, type EntityDetail, type EntityDetails, type ExtractionResult } from './entities';
import { FOCUSED_KINDS, type Section, type SectionKind } from './sections';

/**
 * Lower-case tokens: runs of letters and digits (with `#` or `++` glued to a letter-word, as in
 * C#, C++, F#), and every other non-space character on its own.
 */
export function sectionTokens(text: string): string[] {
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    // The token-spaced forms `c + +` and `c #`: closed up, so they are the same token as "c++", "c#".
    .replace(/\+\s+\+/g, '++')
    .replace(/(\p{L})\s+(\+\+|#)(?![\p{L}\p{N}])/gu, '$1$2');
  return s.match(/\p{L}[\p{L}\p{N}]*(?:\+\+|#)(?![\p{L}\p{N}])|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
}

function indexOfRun(haystack: string[], needle: string[]): number {
  if (needle.length === 0 || needle.length > haystack.length) return -1;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Sections tokenized once, for looking up many values. */
export interface SectionIndex {
  sections: readonly Section[];
  tokens: string[][];
}

export function indexSections(sections: readonly Section[]): SectionIndex {
  return { sections, tokens: sections.map((s) => sectionTokens(`${s.heading}\n${s.text}`)) };
}

/**
 * The kind of the first section (in page order) that contains the value, looking first in the
 * sections of the `preferred` kinds (what the extractor read), then in all of them. undefined when
 * no section contains it (the model rephrased it) or the value has no tokens.
 */
export function sectionOf(
  value: string,
  index: SectionIndex,
  preferred: readonly SectionKind[] = FOCUSED_KINDS,
): SectionKind | undefined {
  const needle = sectionTokens(value);
  if (needle.length === 0) return undefined;
  const passes = preferred.length ? [(k: SectionKind) => preferred.includes(k), () => true] : [() => true];
  for (const accept of passes) {
    for (let i = 0; i < index.sections.length; i++) {
      if (accept(index.sections[i].kind) && indexOfRun(index.tokens[i], needle) >= 0) return index.sections[i].kind;
    }
  }
  return undefined;
}

/**
 * The result with `details[type][i].section` filled in wherever it is missing and the posting has
 * sections. Results without details get them, with confidence 1 (a model's answer, or a rule's).
 * Details that do not run parallel to the values (another length or other values) are rebuilt
 * from the values, keeping what they said about each value. Nothing else changes.
 */
export function attributeSections(
  result: ExtractionResult,
  sections: readonly Section[] | undefined,
): ExtractionResult {
  if (!sections || sections.length === 0) return result;
  const index = indexSections(sections);
  // Scope 'whole' read every section: the first occurrence anywhere is where the value came from.
  const preferred = result.meta.scope === 'whole' ? [] : FOCUSED_KINDS;
  const details = {} as EntityDetails;
  for (const type of ENTITY_TYPES) details[type] = attributeType(result, type, index, preferred);
  return { ...result, details };
}

function attributeType(
  result: ExtractionResult,
  type: keyof Entities,
  index: SectionIndex,
  preferred: readonly SectionKind[],
): EntityDetail[] {
  const values = result[type];
  const given = result.details?.[type] ?? [];
  const parallel = given.length === values.length && given.every((d, i) => d.value === values[i]);
  const byValue = new Map(given.map((d) => [d.value, d]));
  return values.map((value, i) => {
    const known = parallel ? given[i] : byValue.get(value);
    const detail: EntityDetail = known ? { ...known } : { value, confidence: 1 };
    if (detail.section === undefined) {
      const kind = sectionOf(value, index, preferred);
      if (kind) detail.section = kind;
    }
    return detail;
  });
}
