// A whole posting flattened into one line (JSON-LD descriptions, some pastes) cut back into its
// pieces at the heading phrases it runs through.
import { inlineHeadingPhrases, normalizeHeading } from './section-classify';
import type { SectionLine } from './section-split';

/** Lines at least this long may be a whole posting flattened to one line (JSON-LD descriptions, some pastes). */
const FLAT_LINE_CHARS = 500;
const MAX_INLINE_HEADING_WORDS = 5;
/** One-word headings that, capitalized and followed by a capital, are headings even mid-line ("... our clients Requirements Bachelor's ..."). */
const STRONG_INLINE_WORDS =
  /^(?:Requirements|Qualifications|Responsibilities|Duties|Benefits|Anforderungen|Aufgaben|Qualifikationen|Requisitos|Responsabilidades|Responsabilités|Missions|Kvalifikationer|Opgaver|Taken|Vereisten)$/;

/**
 * A flattened posting line -> its pieces, headings apart: a known heading phrase starting with a
 * capital and followed by a capital, a digit, a bullet or a colon ("Minimum Qualifications 8-10
 * years", "Salary transparency Salary is ..."). A one-word heading must also follow the end of a
 * sentence ("... is required. Responsibilities Define ...").
 */
export function splitFlatLine(line: SectionLine): SectionLine[] {
  if (line.mark || line.text.length < FLAT_LINE_CHARS) return [line];
  const phrases = inlineHeadingPhrases();
  const tokens = [...line.text.matchAll(/\S+/g)];
  const out: SectionLine[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!/^\p{Lu}/u.test(tokens[i][0])) continue;
    for (let k = Math.min(MAX_INLINE_HEADING_WORDS, tokens.length - i - 1); k >= 1; k--) {
      const words = tokens.slice(i, i + k).map((t) => t[0]);
      const colon = /[:：]$/.test(words[k - 1]);
      if (!colon && words.slice(0, -1).some((w) => /[.,;:!?]$/.test(w))) continue;
      if (!colon && /[.,;!?]$/.test(words[k - 1])) continue;
      if (!normalizeHeading(words[k - 1]) || !phrases.has(normalizeHeading(words.join(' ')))) continue;
      // "Learn More About Autodesk", "Life at Acme": the name after a trailing preposition belongs to the heading.
      if (
        /^(?:about|at|to|with|chez|bei|bij|hos|em|en)$/i.test(words[k - 1]) &&
        i + k + 1 < tokens.length &&
        /^\p{Lu}/u.test(tokens[i + k][0])
      ) {
        words.push(tokens[i + k][0]);
        k++;
      }
      const next = tokens[i + k][0];
      if (!colon && !/^[\p{Lu}\p{N}•·▪◦●–-]/u.test(next)) continue;
      const before = i === 0 ? '' : tokens[i - 1][0];
      if (k === 1 && !colon && before && !/[.!?:)]$/.test(before) && !STRONG_INLINE_WORDS.test(words[0])) continue;
      const start = tokens[i].index ?? 0;
      const end = (tokens[i + k - 1].index ?? 0) + words[k - 1].length;
      const head = line.text.slice(from, start).trim();
      if (head) out.push({ text: head });
      out.push({ text: line.text.slice(start, end), mark: 'h' });
      from = end;
      i += k - 1;
      break;
    }
  }
  if (out.length === 0) return [line];
  const tail = line.text.slice(from).trim();
  if (tail) out.push({ text: tail });
  return out;
}
