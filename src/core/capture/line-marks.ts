// Capture passes text between its strategies as strings; a line may start with these marks so that
// what the markup said of it (heading, bold line, list item) reaches the section splitter. Capture
// strips them before the posting leaves it. A hidden heading names a section that the page does not
// show as text (a JSON-LD field such as `qualifications`): it is dropped from the text.
import type { SectionLine } from '../section-split';

/** What a line of text is: the markup's say on whether it is a heading, a bold line or a list item. */
export type MarkedLine = SectionLine;

export const LINE_MARKS = {
  heading: '\u0001',
  bold: '\u0002',
  item: '\u0003',
  hiddenHeading: '\u0004',
  gap: '\u0005',
} as const;
const MARKS_RE = /[\u0001-\u0005]/g;

export function markLine(line: MarkedLine): string {
  const prefix =
    (line.mark === 'h' ? LINE_MARKS.heading : line.mark === 'b' ? LINE_MARKS.bold : '') +
    (line.item ? LINE_MARKS.item : '') +
    (line.gap ? LINE_MARKS.gap : '');
  return prefix + line.text;
}

/** Marked text -> the plain text and its lines (with marks); a hidden heading is a line of its own, kept out of the text. */
export function unmarkText(marked: string): { text: string; lines: (MarkedLine & { hidden?: boolean })[] } {
  const lines: (MarkedLine & { hidden?: boolean })[] = [];
  const shown: string[] = [];
  for (const raw of marked.split('\n')) {
    const m = /^[\u0001-\u0005]+/.exec(raw);
    const marks = m ? m[0] : '';
    const text = raw.slice(marks.length).replace(MARKS_RE, '').trim();
    if (!text) continue;
    const line: MarkedLine & { hidden?: boolean } = { text };
    if (marks.includes(LINE_MARKS.heading) || marks.includes(LINE_MARKS.hiddenHeading)) line.mark = 'h';
    else if (marks.includes(LINE_MARKS.bold)) line.mark = 'b';
    if (marks.includes(LINE_MARKS.item)) line.item = true;
    if (marks.includes(LINE_MARKS.gap)) line.gap = true;
    if (marks.includes(LINE_MARKS.hiddenHeading)) line.hidden = true;
    else shown.push(text);
    lines.push(line);
  }
  return { text: shown.join('\n'), lines };
}

/** Marked text without its marks (hidden headings dropped). */
export function stripMarks(marked: string): string {
  return /[\u0001-\u0005]/.test(marked) ? unmarkText(marked).text : marked;
}
