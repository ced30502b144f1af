// What the extractor reads of a posting. Scope 'focused': the requirements, nice-to-have and
// responsibilities sections in page order (what the training snippets were), the rest (company
// blurb, benefits, pay, legal text, how to apply) left out. When no section is requirements or
// responsibilities, or in scope 'whole', the whole text, as the posting has it.
import type { PostingInput } from './posting';
import { sectionsFromText } from './section-split';
import { FOCUSED_KINDS, type Scope, type Section, type SectionKind } from './sections';

/** Shown for a section without a heading of its own. */
export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  requirements: 'Requirements',
  'nice-to-have': 'Nice to have',
  responsibilities: 'Responsibilities',
  company: 'About the company',
  benefits: 'Benefits',
  legal: 'Legal notices',
  process: 'How to apply',
  other: 'Other',
};

export interface FocusedPart {
  kind: SectionKind;
  heading: string;
  /** Where the section (heading included) sits in the focused text. */
  start: number;
  end: number;
}

export interface FocusedPosting {
  /** The text the extractor reads. */
  text: string;
  scope: Scope;
  /** The headings of the sections read (a kind label for a section without one) and how many sections the posting has. */
  read: { headings: string[]; total: number };
  /** The sections read, in order, with their place in `text`. */
  parts: FocusedPart[];
}

/** The posting's sections: the ones capture kept, else found in its text. */
export function postingSections(posting: Pick<PostingInput, 'text' | 'sections'>): Section[] {
  return posting.sections && posting.sections.length > 0 ? posting.sections : sectionsFromText(posting.text);
}

export function sectionLabel(section: Pick<Section, 'heading' | 'kind'>): string {
  return section.heading || SECTION_KIND_LABELS[section.kind];
}

/** Every section, its place found in the whole text when it can be (in order). */
function wholeParts(text: string, sections: Section[]): FocusedPart[] {
  const parts: FocusedPart[] = [];
  let from = 0;
  for (const s of sections) {
    const at = text.indexOf(s.text, from);
    if (at < 0) continue;
    const head = s.heading ? text.lastIndexOf(s.heading, at) : -1;
    const start = head >= from ? head : at;
    parts.push({ kind: s.kind, heading: s.heading, start, end: at + s.text.length });
    from = at + s.text.length;
  }
  return parts;
}

const isRead = (s: Section) => FOCUSED_KINDS.includes(s.kind);
/**
 * A fragment without a heading or a single cue that runs into a section that is read: the start of
 * that section's heading which the splitter cut off ("Education, Key Experiences, Knowledge and"
 * before "Skills: ..."). Short and plainly unfinished (it ends on "and", "of", a comma): a title line or
 * an intro paragraph is not one.
 */
const LEAD_IN_MAX_CHARS = 100;
const UNFINISHED = /(?:\b(?:and|or|of|the|in|with|for|et|und|y|e|en|og)|[,&/])\s*$/i;
const leadsIn = (s: Section) =>
  s.kind === 'other' && !s.heading && s.text.length <= LEAD_IN_MAX_CHARS && UNFINISHED.test(s.text);

export function focusPosting(posting: Pick<PostingInput, 'text' | 'sections'>, scope: Scope): FocusedPosting {
  const sections = postingSections(posting);
  const total = sections.length;
  const chosen =
    scope === 'focused'
      ? sections.filter((s, i) => isRead(s) || (leadsIn(s) && sections[i + 1] !== undefined && isRead(sections[i + 1])))
      : [];
  const anchored = chosen.some((s) => s.kind === 'requirements' || s.kind === 'responsibilities');
  if (!anchored) {
    return {
      text: posting.text,
      scope,
      read: { headings: sections.map(sectionLabel), total },
      parts: wholeParts(posting.text, sections),
    };
  }
  let text = '';
  const parts: FocusedPart[] = [];
  for (const s of chosen) {
    if (text) text += '\n';
    const start = text.length;
    text += s.heading ? `${s.heading}\n${s.text}` : s.text;
    parts.push({ kind: s.kind, heading: s.heading, start, end: text.length });
  }
  return { text, scope, read: { headings: chosen.map(sectionLabel), total }, parts };
}
