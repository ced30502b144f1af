// What kind of section a heading (or, without one, a paragraph) is: requirements, nice-to-have,
// responsibilities, company, benefits, legal, process or other. Headings are matched against
// phrase lists in English, French, German, Spanish, Portuguese, Dutch and Danish; text is scored
// with cue patterns ("years of", "degree in", "we offer", "equal opportunity"...). Pure and small:
// it also runs inside the capture script injected into the page.
import { HEADING_PHRASES } from './heading-phrases';
import { CUES } from './section-cues';
import type { SectionKind } from './sections';

/** Lower case, accents and punctuation removed, apostrophes dropped ("What You’ll Do:" -> "what youll do"). */
export function normalizeHeading(heading: string): string {
  return heading
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

interface Phrase {
  kind: SectionKind;
  /** Normalized words, padded with spaces for whole-word matching. */
  padded: string;
  anchor: 'any' | 'start' | 'whole';
  length: number;
}

let phrases: Phrase[] | undefined;

function phraseTable(): Phrase[] {
  if (phrases) return phrases;
  phrases = [];
  for (const [kind, list] of Object.entries(HEADING_PHRASES) as [SectionKind, readonly string[]][]) {
    for (const raw of list) {
      const anchor = raw[0] === '^' ? 'start' : raw[0] === '=' ? 'whole' : 'any';
      const norm = normalizeHeading(anchor === 'any' ? raw : raw.slice(1));
      if (norm) phrases.push({ kind, padded: ` ${norm} `, anchor, length: norm.length });
    }
  }
  return phrases;
}

let inline: Map<string, SectionKind> | undefined;
const INLINE_WORD_KINDS: readonly SectionKind[] = ['requirements', 'nice-to-have', 'responsibilities', 'benefits'];

/**
 * Phrases that may be read as a heading inside a flattened line ("... is required. Responsibilities
 * Define and articulate ..."): the unanchored ones of the known kinds, single words only when
 * distinctive (six letters or more).
 */
export function inlineHeadingPhrases(): Map<string, SectionKind> {
  if (inline) return inline;
  inline = new Map();
  for (const p of phraseTable()) {
    const norm = p.padded.trim();
    if (p.anchor !== 'any' || p.kind === 'other') continue;
    // A single word inside running text is a heading only when it names what the job asks or
    // gives ("Qualifications", "Benefits"): "Application Performance Tools", "Travel up to 10%",
    // "Diversity of thought" are requirement text.
    if (!norm.includes(' ') && (norm.length < 6 || !INLINE_WORD_KINDS.includes(p.kind))) continue;
    const had = inline.get(norm);
    if (!had) inline.set(norm, p.kind);
  }
  return inline;
}

/** Headings longer than this are sentences, not headings: only their phrases at the start count. */
const MAX_HEADING_WORDS = 12;

/**
 * The kind a heading names, or null when it names none of the known ones (a job title, a team
 * name). 'other' is returned for headings known to be neither (location, schedule, job type).
 */
export function matchHeading(heading: string): SectionKind | null {
  const norm = normalizeHeading(heading);
  if (!norm) return null;
  const words = norm.split(' ');
  const padded = ` ${words.slice(0, MAX_HEADING_WORDS).join(' ')} `;
  let best: Phrase | undefined;
  for (const p of phraseTable()) {
    if (best && p.length <= best.length) continue;
    const hit =
      p.anchor === 'whole'
        ? padded === p.padded
        : p.anchor === 'start'
          ? padded.startsWith(p.padded)
          : padded.includes(p.padded);
    if (hit) best = p;
  }
  return best?.kind ?? null;
}

/** Words a heading may hold besides the phrases that name it ("What you'll bring to the team"). */
const FUNCTION_WORDS = new Set(
  'a an the to of in on for and or with at by our your we you my de du des la le les et en au aux der die das und mit von im zu el los las y con del o e em com da do na no het een van met og i til af med pa'.split(
    ' ',
  ),
);

/**
 * The share of a line's words (function words aside) that known heading phrases cover: "Skills &
 * Experience" 1, "What you'll bring to the team" 0.75, "Experience with Google BigQuery" 0.33. A
 * plain line without markup is read as a heading only when phrases cover most of it.
 */
export function headingCoverage(line: string): number {
  const words = normalizeHeading(line).split(' ').filter(Boolean);
  const content = words.map((w, i) => (FUNCTION_WORDS.has(w) ? -1 : i)).filter((i) => i >= 0);
  if (content.length === 0) return 0;
  const covered = new Set<number>();
  for (const p of phraseTable()) {
    const pw = p.padded.trim().split(' ');
    for (let i = 0; i + pw.length <= words.length; i++) {
      if (p.anchor === 'start' && i > 0) break;
      if (p.anchor === 'whole' && (i > 0 || pw.length !== words.length)) break;
      if (pw.every((w, j) => words[i + j] === w)) for (let j = 0; j < pw.length; j++) covered.add(i + j);
    }
  }
  return content.filter((i) => covered.has(i)).length / content.length;
}

/** The kind of a section from its heading: 'other' when the heading names no known kind. */
export function classifyHeading(heading: string): SectionKind {
  return matchHeading(heading) ?? 'other';
}

// --- Text cues: patterns in section-cues.ts ------------------------------------------------------

/** Text normalized for cue matching: lower case, accents removed, white space collapsed. */
function cueText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ');
}

export type CueScores = Record<Exclude<SectionKind, 'other'>, number>;

/** How many cue patterns of each kind the text matches. */
export function cueScores(text: string): CueScores {
  const t = cueText(text);
  const out = {} as CueScores;
  for (const [kind, patterns] of Object.entries(CUES) as [keyof CueScores, RegExp[]][]) {
    let n = 0;
    for (const re of patterns) if (re.test(t)) n++;
    out[kind] = n;
  }
  return out;
}

/**
 * Where a paragraph that mixes the job's text with something else turns into that other kind:
 * the number of words before the first cue of `kind`, when the words before it ask something of
 * the candidate ("... Bachelors or Masters Degree EO Statement IBM is committed to ... equal
 * opportunity"). Null when the paragraph starts with the other kind or has no such cue.
 */
export function jobTextBefore(text: string, kind: Exclude<SectionKind, 'other'>): number | null {
  const t = cueText(text).trim();
  let first = Infinity;
  for (const re of CUES[kind]) {
    const m = re.exec(t);
    if (m && m.index < first) first = m.index;
  }
  if (first === Infinity) return null;
  const words = t.slice(0, first).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const before = classifyText(words.join(' '));
  return before === 'requirements' || before === 'nice-to-have' || before === 'responsibilities' ? words.length : null;
}

/** Ties go to the kinds the extractor reads: when in doubt, text is kept. */
const TIE_ORDER: (keyof CueScores)[] = [
  'requirements',
  'nice-to-have',
  'responsibilities',
  'legal',
  'benefits',
  'company',
  'process',
];

/**
 * The kind of a paragraph from its sentences' cues, or null when no cue is found. A
 * paragraph that both asks for something and mentions pay goes by whichever has more cues.
 */
export function classifyText(text: string): SectionKind | null {
  const scores = cueScores(text);
  let best: keyof CueScores | null = null;
  for (const kind of TIE_ORDER) if (scores[kind] > 0 && (best === null || scores[kind] > scores[best])) best = kind;
  return best;
}

/**
 * A paragraph inside a requirement-like section that is plainly something else (the equal-
 * opportunity statement after the last list, a salary line, a company blurb): its kind, or null
 * when it may belong where it is. Strict: a requirement cue keeps it in place unless legal cues
 * outnumber it ("all qualified applicants ... without regard to ...").
 */
export function strayParagraphKind(text: string): SectionKind | null {
  const s = cueScores(text);
  const job = s.requirements + s['nice-to-have'];
  if (s.legal >= 1 && s.legal > job) return 'legal';
  if (job > 0) return null;
  if (s.benefits >= 2 && s.responsibilities === 0) return 'benefits';
  if (s.company >= 2 && s.responsibilities === 0) return 'company';
  if (s.process >= 2 && s.responsibilities === 0) return 'process';
  return null;
}
