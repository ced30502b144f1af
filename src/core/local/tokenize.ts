// Splits text into tokens the way the training data was tokenized (spaCy's English rules,
// approximated): whitespace first, then prefixes, suffixes and infixes are peeled off each
// chunk. Values are later written as lower-cased tokens joined by single spaces, so `5+ years`
// becomes `5 + years`, `C#` becomes `c #` and `Objective-C` becomes `objective - c`, exactly
// as the annotator's labels read. Character offsets are kept so spans map back to the text.

export interface Token {
  text: string;
  start: number;
  end: number;
  /** True when a line break (or the start of the text) precedes the token. */
  lineStart: boolean;
}

/** Chunks spaCy keeps whole although they contain punctuation. */
const EXCEPTIONS = new Set([
  'e.g.',
  'i.e.',
  'u.s.',
  'and/or',
  'vs.',
  'inc.',
  'a.m.',
  'p.m.',
  'mr.',
  'ms.',
  'dr.',
  'jr.',
  'sr.',
  'st.',
  'no.',
  'u.k.',
  '...',
]);

const PREFIX_CHARS = new Set([...'([{"\'“‘«$£€¥*•·–—-#<~…&']);
const SUFFIX_CHARS_ALWAYS = new Set([...')]}"\'”’»,;:!?…%*•']);
const LETTER = /\p{L}/u;
const DIGIT = /[0-9]/;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const ALNUM = /[\p{L}0-9]/u;

function isLetter(c: string | undefined): boolean {
  return c !== undefined && LETTER.test(c);
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && DIGIT.test(c);
}
function isAlnum(c: string | undefined): boolean {
  return c !== undefined && ALNUM.test(c);
}

/** Length of a prefix to split off `s`, or 0. */
function prefixLength(s: string): number {
  if (s.length < 2) return 0;
  if (s.startsWith('...')) return 3;
  const c = s[0];
  if (c === '-' && isDigit(s[1])) return 0; // negative numbers stay whole
  if (c === '.' && !isLetter(s[1])) return 1; // ".NET" stays whole, ".5" does not matter
  return PREFIX_CHARS.has(c) ? 1 : 0;
}

/** Length of a suffix to split off `s`, or 0. */
function suffixLength(s: string): number {
  if (s.length < 2) return 0;
  if (s.endsWith('...')) return 3;
  const lower = s.toLowerCase();
  if ((lower.endsWith("'s") || lower.endsWith('’s')) && s.length > 2) return 2;
  if (lower.endsWith("n't") && s.length > 3) return 3;
  const c = s[s.length - 1];
  const before = s[s.length - 2];
  if (SUFFIX_CHARS_ALWAYS.has(c)) return 1;
  if (c === '+' && isDigit(before)) return 1; // 5+ -> 5 +, but C++ stays
  const unit = /^[0-9]+(?:\.[0-9]+)?(K|M|B|KB|MB|GB|TB|k)$/.exec(s);
  if (unit) return unit[1].length; // 10K -> 10 K, as spaCy splits units after numbers
  if (c === '#' && isLetter(before)) return 1; // C# -> C #
  if (c === '-' && isAlnum(before)) return 1;
  if (c === '.') {
    // spaCy splits a final period after a digit, a lower-case letter, punctuation or two
    // capitals; abbreviations such as `B.S.` and single capitals such as `D.` keep it.
    if (/^(?:\p{L}\.)+$/u.test(s) || DOTTED_ABBREVIATION.test(s)) return 0;
    if (isDigit(before) || LOWER.test(before) || !isAlnum(before)) return 1;
    if (UPPER.test(before) && UPPER.test(s[s.length - 3] ?? '')) return 1;
    return 0;
  }
  return 0;
}

/**
 * Dotted abbreviations of up to three letters per part (`Ph.D.`, `M.Sc.`, `B.Eng.`, `Ph.D`): one
 * token, as a reader (and the annotator's answers, `ph.d.`) takes them.
 */
const DOTTED_ABBREVIATION = /^(?:\p{L}{1,3}\.){2,}$|^(?:\p{Lu}\p{Ll}{0,2}\.)+\p{Lu}\p{Ll}{0,2}$/u;

/** Offsets where an infix separator splits `s`: [start, end) of each separator. */
function infixSplits(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (DOTTED_ABBREVIATION.test(s)) return out;
  for (let i = 1; i < s.length - 1; i++) {
    if (s.startsWith('...', i) && i + 3 < s.length) {
      out.push([i, i + 3]);
      i += 2;
      continue;
    }
    const p = s[i - 1];
    const c = s[i];
    const n = s[i + 1];
    let hit = false;
    if (c === '/' && isAlnum(p) && isLetter(n)) hit = true;
    else if ((c === '-' || c === '–' || c === '—') && isAlnum(p) && isLetter(n)) hit = true;
    else if ((c === '-' || c === '+' || c === '*' || c === '^' || c === '–') && isDigit(p) && (isDigit(n) || n === '-'))
      hit = true;
    else if (c === '.' && LOWER.test(p) && UPPER.test(n)) hit = true;
    else if (c === ',' && isLetter(p) && isLetter(n)) hit = true;
    else if ((c === ':' || c === '<' || c === '>' || c === '=') && isAlnum(p) && isLetter(n)) hit = true;
    if (hit) out.push([i, i + 1]);
  }
  return out;
}

/** Splits one whitespace-free chunk into [start, end) pieces relative to the chunk. */
function splitChunk(chunk: string): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  const suffixes: Array<[number, number]> = [];
  let start = 0;
  let end = chunk.length;
  for (let guard = 0; guard < 64 && start < end; guard++) {
    const s = chunk.slice(start, end);
    if (EXCEPTIONS.has(s.toLowerCase())) break;
    const p = prefixLength(s);
    if (p > 0) {
      pieces.push([start, start + p]);
      start += p;
      continue;
    }
    const x = suffixLength(s);
    if (x > 0) {
      suffixes.unshift([end - x, end]);
      end -= x;
      continue;
    }
    break;
  }
  if (start < end) {
    const core = chunk.slice(start, end);
    if (EXCEPTIONS.has(core.toLowerCase())) pieces.push([start, end]);
    else {
      let at = 0;
      for (const [a, b] of infixSplits(core)) {
        if (a > at) pieces.push([start + at, start + a]);
        pieces.push([start + a, start + b]);
        at = b;
      }
      if (at < core.length) pieces.push([start + at, end]);
    }
  }
  return pieces.concat(suffixes);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const chunk = /\S+/g;
  let lastEnd = 0;
  for (let m = chunk.exec(text); m !== null; m = chunk.exec(text)) {
    const gap = text.slice(lastEnd, m.index);
    let lineStart = lastEnd === 0 || /[\n\r]/.test(gap);
    lastEnd = m.index + m[0].length;
    for (const [a, b] of splitChunk(m[0])) {
      tokens.push({ text: m[0].slice(a, b), start: m.index + a, end: m.index + b, lineStart });
      lineStart = false;
    }
  }
  return tokens;
}

const SENTENCE_END = new Set(['.', '!', '?', '...', '…']);

/**
 * Groups tokens into sentences: a line break, or a sentence-final mark followed by a capital,
 * starts a new one. The tagger was trained on sentences, so it decodes the same way.
 */
export function splitSentences(tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (cur.length > 0 && t.lineStart) {
      out.push(cur);
      cur = [];
    }
    cur.push(t);
    const next = tokens[i + 1];
    if (SENTENCE_END.has(t.text) && next !== undefined && !next.lineStart && UPPER.test(next.text[0])) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** The training data's value form: lower-cased tokens joined by single spaces. */
export function toValue(tokens: readonly string[]): string {
  return tokens.join(' ').toLowerCase();
}
