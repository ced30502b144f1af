// The degree rules: degree mentions (`BS / MS`, `Bachelor of Science`) and the majors listed after
// a degree (`a degree in Computer Science, Statistics or a related field`).
import type { Span } from './corpus';

/** Degree names written as abbreviations (case matters: `MS Dynamics` is a product). */
const DEGREE_ABBREVIATIONS = new Set([
  'B.Eng.',
  'M.Eng.',
  'B.Eng',
  'M.Eng',
  'BEng',
  'MEng',
  'M.B.A.',
  'B.Tech.',
  'M.Tech.',
  'B.Sc',
  'M.Sc',
  'B.Com.',
  'BS',
  'BA',
  'MS',
  'MA',
  'MBA',
  'PhD',
  'PHD',
  'MSc',
  'BSc',
  'BSEE',
  'MSEE',
  'BSCS',
  'MSCS',
  'B.S.',
  'M.S.',
  'B.A.',
  'M.A.',
  'B.Sc.',
  'M.Sc.',
  'BE',
  'B.E.',
  'BTech',
  'MTech',
  'B.Tech',
  'M.Tech',
  'Ph.D.',
  'Ph.D',
  'D.',
]);
const DEGREE_WORDS = new Set([
  'bachelors',
  'bachelor',
  'masters',
  'master',
  'doctorate',
  'undergraduate',
  'associates',
  'associate',
]);
/** Degree words that are also titles or verbs (`Associate Manager`, `master the craft`): a degree only before these. */
const AMBIGUOUS_DEGREE_WORDS = new Set(['associate', 'associates', 'master']);
const AFTER_AMBIGUOUS_DEGREE = new Set(["'s", '’s', 'degree', 'degrees', 'of', 'in', 'or', '/', 'program']);
/** Abbreviations that are also products or words (`MS Dynamics`, `BE able`). */
const AMBIGUOUS_ABBREVIATIONS = new Set(['MS', 'MA', 'BE']);
/** What may follow a degree abbreviation for it to be one (`MS in`, `MS degree`, `BS/MS`). */
const AFTER_DEGREE = new Set([
  'in',
  'degree',
  'degrees',
  '/',
  'or',
  ',',
  'and',
  '(',
  ')',
  '.',
  ';',
  'from',
  'preferred',
  'required',
  'of',
  'with',
  "'s",
  'program',
]);

function isDegreeToken(tokens: readonly string[], i: number): boolean {
  const t = tokens[i];
  if (AMBIGUOUS_DEGREE_WORDS.has(t.toLowerCase()))
    return AFTER_AMBIGUOUS_DEGREE.has(tokens[i + 1]?.toLowerCase() ?? '');
  if (DEGREE_WORDS.has(t.toLowerCase())) return true;
  if (!DEGREE_ABBREVIATIONS.has(t)) return false;
  if (t === 'D.') return tokens[i - 1] === '.' && tokens[i - 2]?.toLowerCase() === 'ph';
  if (!AMBIGUOUS_ABBREVIATIONS.has(t)) return true;
  const next = tokens[i + 1];
  return next === undefined || AFTER_DEGREE.has(next.toLowerCase());
}

/**
 * Degree mentions: a degree word or abbreviation, with others joined by `/` or `or`
 * (`BS / MS`, `BS or MS`, `MS / Ph . D.`), and `Bachelor of Science`.
 */
export function degreeSpans(tokens: readonly string[]): Span[] {
  const spans: Span[] = [];
  const isPhd = (i: number) =>
    tokens[i]?.toLowerCase() === 'ph' && tokens[i + 1] === '.' && /^d\.?$/i.test(tokens[i + 2] ?? '');
  const degreeAt = (i: number): number => (isPhd(i) ? 3 : i < tokens.length && isDegreeToken(tokens, i) ? 1 : 0);
  for (let i = 0; i < tokens.length; i++) {
    let n = degreeAt(i);
    if (n === 0) continue;
    let end = i + n;
    if (
      /^(bachelors?|masters?)$/i.test(tokens[i]) &&
      tokens[end] === 'of' &&
      /^(science|arts|engineering)$/i.test(tokens[end + 1] ?? '')
    )
      end += 2;
    // The annotator joins `BS or MS` and `PhD or MSc` into one value but keeps `Bachelors`,
    // `Masters` and dotted forms (`M.S. or PhD`) apart; `/` always joins.
    const plain = (a: number, b: number) =>
      b - a === 1 && /^[A-Za-z]+$/.test(tokens[a]) && !DEGREE_WORDS.has(tokens[a].toLowerCase());
    for (;;) {
      const sep = tokens[end];
      if (sep !== '/' && sep !== 'or') break;
      n = degreeAt(end + 1);
      if (n === 0) break;
      if (sep === 'or' && !(plain(end - 1, end) && plain(end + 1, end + 1 + n))) break;
      end += 1 + n;
    }
    spans.push({ label: 'DIPLOMA', start: i, end });
    i = end - 1;
  }
  return spans;
}

/** Words that end a list of majors (`..., or a related field`, `... preferred`). */
const MAJOR_LIST_END = new Set([
  'related',
  'equivalent',
  'similar',
  'relevant',
  'other',
  'a',
  'an',
  'the',
  'any',
  'etc',
  'field',
  'fields',
  'discipline',
  'disciplines',
  'area',
  'areas',
  'preferred',
  'required',
  'with',
  'from',
  'is',
  'are',
  'plus',
  'and/or',
  'including',
  'program',
  'programs',
  'degree',
  'degrees',
  'experience',
  'or',
  'and',
]);
const MAJOR_SEPARATORS = new Set([',', 'or', '/', ';']);
const DEGREE_NOUNS = new Set(['degree', 'degrees', 'diploma', 'diplomas']);

/**
 * Majors listed after a degree: `a degree in Computer Science, Statistics or a related field`
 * gives `Computer Science` and `Statistics`. Each item is one to four words of letters; a longer
 * or non-word item means prose, and the list is left to the tagger.
 */
export function majorListSpans(tokens: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i].toLowerCase() !== 'in') continue;
    let degree = false;
    for (let k = i - 1; k >= Math.max(0, i - 4) && !degree; k--)
      degree =
        DEGREE_NOUNS.has(tokens[k].toLowerCase()) ||
        isDegreeToken(tokens, k) ||
        (tokens[k] === '.' ? false : tokens[k].toLowerCase() === 'ph.d.');
    if (!degree) continue;
    const items: Span[] = [];
    let start = i + 1;
    let j = i + 1;
    let ok = true;
    for (; j <= tokens.length; j++) {
      const t = tokens[j]?.toLowerCase();
      const atEnd =
        t === undefined || t === '.' || t === '(' || t === ')' || t === ':' || (MAJOR_LIST_END.has(t) && j === start);
      if (atEnd || MAJOR_SEPARATORS.has(t)) {
        if (j > start) items.push({ label: 'DIPLOMA_MAJOR', start, end: j });
        if (atEnd) break;
        start = j + 1;
        continue;
      }
      if (MAJOR_LIST_END.has(t) && t !== 'or' && t !== 'and') {
        if (j > start) items.push({ label: 'DIPLOMA_MAJOR', start, end: j });
        break;
      }
      if (!/^[\p{L}&]+$/u.test(tokens[j]) || j - start >= 4) {
        ok = false;
        break;
      }
    }
    if (ok)
      spans.push(
        ...items.filter((s) => /^\p{L}/u.test(tokens[s.start]) && !MAJOR_LIST_END.has(tokens[s.start].toLowerCase())),
      );
    i = j;
  }
  return spans;
}
