// Display form of entity values. Training values are lower-cased spaCy tokens joined by spaces
// (`2 + years`, `c #`, `objective - c`, `ba / bs / ms`, `highly available ( ha )`). The display
// form removes those tokenizer spaces and restores the usual case of known acronyms and brand
// names. It changes NOTHING but spaces and letter case, so the raw value can always be recovered
// for matching (compare with spaces removed, lower-cased). Keep the raw value beside it.

import { DISPLAY_CASING } from './display-casing';

export { DISPLAY_CASING };

// Tokens that attach to the previous token (no space before): `2 + years` -> `2+ years`,
// `c #` -> `c#`, `data ,` -> `data,`, `company 's` -> `company's`.
const ATTACH_LEFT = new Set([
  '+',
  '#',
  ',',
  '.',
  ':',
  ';',
  '!',
  '?',
  '%',
  ')',
  ']',
  '}',
  "'s",
  "'re",
  "'ve",
  "'ll",
  "'d",
  "'m",
  "n't",
  '’s',
]);
// Tokens that attach to both neighbours: `objective - c`, `3 - 5 years`, `ba / bs / ms`.
const ATTACH_BOTH = new Set(['-', '/', '–', '—']);
// Tokens the next token attaches to: `( ha )`, `$ 100`.
const ATTACH_RIGHT = new Set(['(', '[', '{', '$', '£', '€']);
// What may follow a dot inside one name: `node . js`, `asp . net`, `. net`.
const DOT_SUFFIXES = new Set(['js', 'net', 'io', 'ai', 'com', 'org', 'ts', 'py', 'x']);

/** True when no space belongs between `prev` and `tok` (`next` is the token after `tok`). */
function glued(prev: string, tok: string, next: string | undefined, prevPrev: string | undefined): boolean {
  if (ATTACH_BOTH.has(tok) || ATTACH_BOTH.has(prev) || ATTACH_RIGHT.has(prev)) return true;
  if (ATTACH_LEFT.has(tok))
    return !(tok === '.' && DOT_SUFFIXES.has(next?.toLowerCase() ?? '') && /^(and|or|,)$/i.test(prev));
  if (prev === '.' && DOT_SUFFIXES.has(tok.toLowerCase())) return true;
  // `r & d`, `at & t`: single letters around & are one abbreviation.
  const letter = (t: string | undefined) => t !== undefined && /^\p{L}$/u.test(t);
  if (tok === '&') return letter(prev) && letter(next);
  if (prev === '&') return letter(tok) && letter(prevPrev);
  return false;
}

function joinTokens(tokens: string[]): string {
  let out = tokens[0] ?? '';
  for (let i = 1; i < tokens.length; i++) {
    out += (glued(tokens[i - 1], tokens[i], tokens[i + 1], tokens[i - 2]) ? '' : ' ') + tokens[i];
  }
  return out;
}

/** Ordinary words that can stand alone in parentheses and are not abbreviations. */
const PAREN_WORDS = new Set([
  'and',
  'or',
  'the',
  'etc',
  'via',
  'plus',
  'min',
  'max',
  'pref',
  'ideal',
  'nice',
  'bonus',
  'a',
  'an',
  'any',
  'all',
  'some',
  'more',
  'less',
  'both',
  'each',
  'only',
  'also',
  'hours',
  'years',
  'year',
  'week',
  'day',
  'days',
  'tbd',
  'optional',
  'yes',
  'no',
]);

/** Web and mail addresses: their letter case is theirs (`http://…/sql` must not become `HTTP://…/SQL`). */
const ADDRESS = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|[^\s@()]+@[^\s@()]+\.[^\s@()]+/giu;

/** Restore known casing word by word (compound words like `objective-c`, `node.js` first). */
function applyCasing(s: string): string {
  let out = '';
  let at = 0;
  for (const m of s.matchAll(ADDRESS)) {
    out += caseWords(s.slice(at, m.index)) + m[0];
    at = (m.index ?? 0) + m[0].length;
  }
  return out + caseWords(s.slice(at));
}

function caseWords(s: string): string {
  return (
    s
      .replace(/[\p{L}\p{N}+#.\-/&']+/gu, (word) => caseWord(word))
      // An abbreviation defined in parentheses (`highly available (ha)`) is an acronym.
      .replace(/\(([a-z]{2,5})\)/g, (m, inner: string) => (PAREN_WORDS.has(inner) ? m : `(${inner.toUpperCase()})`))
  );
}

/** The known spelling of a word, if listed (own keys only: `constructor` must not find Object's). */
function knownCasing(word: string): string | undefined {
  const lower = word.toLowerCase();
  return Object.hasOwn(DISPLAY_CASING, lower) ? DISPLAY_CASING[lower] : undefined;
}

function caseWord(word: string): string {
  const known = knownCasing(word);
  if (known) return known;
  // Trailing sentence punctuation: `sql.` -> `SQL.`
  const trail = /[.\-/&']+$/.exec(word)?.[0] ?? '';
  if (trail && trail.length < word.length) {
    const head = knownCasing(word.slice(0, -trail.length));
    if (head) return head + trail;
  }
  // Compounds: case each part between separators (`ba/bs/ms`, `ci/cd`, `aws-based`).
  if (/[-/&]/.test(word))
    return word
      .split(/([-/&])/)
      .map((p) => (/^[-/&]$/.test(p) ? p : caseWord(p)))
      .join('');
  return word;
}

/** The display form of a raw (tokenized) value: only spaces and letter case change. */
export function toDisplay(raw: string): string {
  const tokens = raw.split(/\s+/u).filter(Boolean);
  if (tokens.length === 0) return '';
  return applyCasing(joinTokens(tokens));
}

/** Longest value shown whole in a chip or a table cell; longer ones end in an ellipsis (copy keeps all of it). */
export const MAX_SHOWN_CHARS = 200;

/**
 * A value as a chip or a cell shows it: cut at MAX_SHOWN_CHARS with an ellipsis. A value of
 * thousands of characters (a model's runaway answer, a pasted page) would otherwise fill the view
 * and make the collection table slow to lay out.
 */
export function shownLabel(display: string): string {
  const chars = [...display];
  return chars.length > MAX_SHOWN_CHARS
    ? `${chars
        .slice(0, MAX_SHOWN_CHARS - 1)
        .join('')
        .trimEnd()}…`
    : display;
}

export interface DisplayValue {
  raw: string;
  display: string;
  count: number;
}

/** The key two values are the same under: lower case, no white space (as in scoring). */
export function valueKey(value: string): string {
  return value.toLowerCase().replace(/\s+/gu, '');
}

/** Repeated values once each with their count, in first-seen order. */
export function groupForDisplay(values: string[]): DisplayValue[] {
  const byKey = new Map<string, DisplayValue>();
  for (const raw of values) {
    const key = valueKey(raw);
    if (!key) continue;
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { raw, display: toDisplay(raw), count: 1 });
  }
  return [...byKey.values()];
}
