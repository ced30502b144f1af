// A posting's text -> its sections, in page order. Capture hands over lines marked from the page's
// markup (headings, bold lines, list items); plain text (the CLI's input, a selection, a JSON-LD
// description) is read for headings by its shape: short lines ending in ':', short title-like lines
// naming a known section, markdown `#` and `**` headings. A posting without any heading is split into
// paragraphs, each classified from its sentences' cues.
import { classifyText, headingCoverage, jobTextBefore, matchHeading, strayParagraphKind } from './section-classify';
import type { Section, SectionKind } from './sections';
import { splitFlatLine } from './flat-line-split';

export interface SectionLine {
  text: string;
  /** What the markup says: 'h' a heading element, 'b' a line all in bold. */
  mark?: 'h' | 'b';
  /** A list item. */
  item?: boolean;
  /** A blank line comes before it (plain text paragraphs). */
  gap?: boolean;
}

const BULLET_RE = /^(?:[-*•·▪◦●–]|\d{1,2}[.)])\s+/;
const MARKDOWN_HEADING_RE = /^#{1,6}\s+(.+?)\s*#*$/;
const MARKDOWN_BOLD_RE = /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$/;

/** One line of plain text: a markdown heading (`## Skills`, `**Skills**`) is a heading, a bulleted line a list item. */
export function lineFromPlainText(line: string): SectionLine {
  const md = MARKDOWN_HEADING_RE.exec(line) ?? MARKDOWN_BOLD_RE.exec(line);
  if (md) return { text: md[1].trim(), mark: 'h' };
  return BULLET_RE.test(line) ? { text: line, item: true } : { text: line };
}

/** Plain text -> lines: blank lines mark paragraphs, bullets mark list items, markdown headings are headings. */
export function linesFromText(text: string): SectionLine[] {
  const out: SectionLine[] = [];
  let gap = false;
  for (const raw of text.split(/\r?\n|\r|\u2028|\u2029/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) {
      gap = out.length > 0;
      continue;
    }
    const entry = lineFromPlainText(line);
    if (gap) entry.gap = true;
    gap = false;
    out.push(entry);
  }
  return out;
}

/** The heading as shown, without a trailing colon, bullet or markdown emphasis. */
function cleanHeading(text: string): string {
  return text
    .replace(BULLET_RE, '')
    .replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '')
    .replace(/\s*[:：]\s*$/, '')
    .trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The heading this line is, or null when it is text. Only a line something follows can be a heading. */
function headingOf(line: SectionLine, hasNext: boolean): string | null {
  if (!hasNext) return null;
  const t = line.text;
  const clean = cleanHeading(t);
  if (!clean || !/\p{L}/u.test(clean)) return null;
  const words = wordCount(clean);
  const colon = /[:：]$/.test(t);
  if (line.mark === 'h') return t.length <= 150 && words <= 20 ? clean : null;
  if (line.mark === 'b' && (!line.item || colon) && t.length <= 80 && words <= 12 && !/[.!?;,]$/.test(t)) return clean;
  if (colon) return t.length <= 80 && words <= 10 ? clean : null;
  if (line.item || words > 6 || t.length > 60 || /[.,;!]$/.test(t)) return null;
  // A short line alone after a blank line, text following it: a paragraph's heading ("⚡️Eng Team Highlights").
  if (line.gap && !/[?]$/.test(t) && words <= 5) return clean;
  // "Qui sommes-nous ?", "Wie ben jij?": a question may name a section too.
  if (matchHeading(clean) !== null && headingCoverage(clean) > 0.5) return clean;
  if (/[?]$/.test(t)) return null;
  // "ABOUT ACME", "WHAT WE OFFER": short all-capital lines are headings whatever they say.
  return words >= 2 && words <= 8 && /\p{Lu}.*\p{Lu}.*\p{Lu}/u.test(clean) && !/\p{Ll}/u.test(clean) ? clean : null;
}

/** "Requirements: 5+ years of Go" -> a heading and its first line, when the label names a section. */
function labelSplit(line: SectionLine): { heading: string; kind: SectionKind; rest: string } | null {
  if (line.item || line.mark) return null;
  const m = /^([^:：]{2,40})[:：]\s+(\S.*)$/.exec(line.text);
  if (!m) return null;
  const kind = matchHeading(m[1]);
  return kind && kind !== 'other' ? { heading: m[1].trim(), kind, rest: m[2] } : null;
}

interface RawSection {
  heading: string;
  /** What the heading names (null: no heading, or one naming no known kind). */
  named: SectionKind | null;
  lines: SectionLine[];
  /** Headingless text after a labelled line ("Compensation: ..."): paragraphs without cues take this kind. */
  after?: SectionKind;
}

function joinLines(lines: SectionLine[]): string {
  return lines.map((l) => l.text).join('\n');
}

const JOB_KINDS: readonly SectionKind[] = ['requirements', 'nice-to-have', 'responsibilities'];

/**
 * Text of another kind that starts with the job's own text (a flattened line running from the last
 * requirement into the equal-opportunity statement): the job's part and the rest, split at the first
 * word of the other kind's cue. Null when nothing before that cue asks anything of the candidate.
 */
function splitOffJobText(text: string, kind: SectionKind): [string, string] | null {
  if (kind === 'other' || JOB_KINDS.includes(kind)) return null;
  const w = jobTextBefore(text, kind);
  if (w === null) return null;
  const at = [...text.matchAll(/\S+/g)][w]?.index;
  return at === undefined ? null : [text.slice(0, at).trimEnd(), text.slice(at)];
}

/**
 * Headingless text -> sections: paragraphs (blank-line blocks, else each line, a run of list items
 * counting as one) classified from their cues; a paragraph without cues goes with the one before it
 * (the first ones with the first that has cues); runs of one kind are merged.
 */
function splitHeadless(lines: SectionLine[], fallback: SectionKind | null): Section[] {
  if (lines.length === 0) return [];
  const units: SectionLine[][] = [];
  const byGap = lines.some((l) => l.gap);
  for (const line of lines) {
    const last = units[units.length - 1];
    const joins = last && (byGap ? !line.gap : line.item === true && last[last.length - 1].item === true);
    if (joins) last.push(line);
    else units.push([line]);
  }
  const pieces: { text: string; kind: SectionKind | null; item: boolean }[] = [];
  for (const unit of units) {
    const text = joinLines(unit);
    const kind = classifyText(text);
    const item = unit[0].item === true;
    const split = kind ? splitOffJobText(text, kind) : null;
    if (split) pieces.push({ text: split[0], kind: classifyText(split[0]), item }, { text: split[1], kind, item });
    else pieces.push({ text, kind, item });
  }
  const firstKnown = pieces.find((p) => p.kind !== null)?.kind ?? fallback ?? 'other';
  let prev: SectionKind = fallback ?? firstKnown;
  const out: Section[] = [];
  pieces.forEach(({ text, kind: found, item }, i) => {
    let kind = found ?? prev;
    // A list without cues ("Python", "Django") after a company blurb is more likely what the next
    // paragraph with cues asks for than more of the blurb.
    if (found === null && item && !JOB_KINDS.includes(prev) && prev !== 'benefits') {
      const next = pieces.slice(i + 1).find((p) => p.kind !== null)?.kind;
      if (next && JOB_KINDS.includes(next)) kind = next;
    }
    prev = kind;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += `\n${text}`;
    else out.push({ heading: '', kind, text });
  });
  return out;
}

const STRAY_MIN_CHARS = 30;

/**
 * A section often ends with what it is not about: the equal-opportunity paragraph after the last
 * list of requirements (or of benefits), a salary line, a company blurb. Such paragraphs (and what
 * follows them without a job cue) become sections of their own, with no heading.
 */
function splitStrays(section: Section, lines: SectionLine[]): Section[] {
  const out: Section[] = [{ ...section, text: '' }];
  const push = (kind: SectionKind, heading: string, text: string) => {
    const last = out[out.length - 1];
    if (last.kind === kind) last.text = last.text ? `${last.text}\n${text}` : text;
    else out.push({ heading, kind, text });
  };
  let stray: SectionKind | null = null;
  for (const line of lines) {
    const k = !line.item && line.text.length >= STRAY_MIN_CHARS ? strayParagraphKind(line.text) : null;
    const split = k && k !== section.kind && !stray ? splitOffJobText(line.text, k) : null;
    if (split && k) {
      push(section.kind, '', split[0]);
      stray = k;
      push(k, '', split[1]);
      continue;
    }
    if (k && k !== section.kind) stray = k;
    else if (stray) {
      const c = classifyText(line.text);
      if (c && JOB_KINDS.includes(c)) stray = null;
    }
    push(stray ?? section.kind, '', line.text);
  }
  return out.filter((s) => s.text);
}

/** Lines (from the page's markup or from plain text) -> sections in page order, empty ones dropped. */
export function sectionsFromLines(input: readonly SectionLine[]): Section[] {
  const lines = input.flatMap(splitFlatLine);
  const raws: RawSection[] = [{ heading: '', named: null, lines: [] }];
  lines.forEach((line, i) => {
    const heading = headingOf(line, i + 1 < lines.length);
    if (heading !== null) {
      raws.push({ heading, named: matchHeading(heading), lines: [] });
      return;
    }
    const current = raws[raws.length - 1];
    const label = labelSplit(line);
    if (label && label.kind !== current.named && label.kind !== current.after) {
      // The labelled line is a section of its own; what follows is read by its cues.
      raws.push({ heading: label.heading, named: label.kind, lines: [{ ...line, text: label.rest }] });
      raws.push({ heading: '', named: null, lines: [], after: label.kind });
      return;
    }
    current.lines.push(line);
  });

  const out: Section[] = [];
  let prevNamed: SectionKind | null = null;
  for (const raw of raws) {
    if (raw.heading === '') {
      // Text before the first heading (or a posting with none): paragraphs classified by cues.
      out.push(...splitHeadless(raw.lines, raw.after ?? null));
      continue;
    }
    const text = joinLines(raw.lines);
    let kind: SectionKind;
    if (raw.named === 'other') kind = (text && classifyText(text)) || 'other';
    else if (raw.named) kind = raw.named;
    else kind = (text && classifyText(text)) || prevNamed || 'other';
    // A heading naming nothing known (a sub-heading such as "Technical") inherits the kind in force;
    // one known to be neither ("Location", "Additional information") goes by its text's cues.
    if (raw.named) prevNamed = raw.named;
    else if (kind !== 'other') prevNamed = kind;
    if (!text) continue;
    out.push(...splitStrays({ heading: raw.heading, kind, text }, raw.lines));
  }
  return out;
}

/** Plain text -> sections (headings found by their shape; without any, paragraphs classified by cues). */
export function sectionsFromText(text: string): Section[] {
  return sectionsFromLines(linesFromText(text));
}
