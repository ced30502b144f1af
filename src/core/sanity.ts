// Type sanity for extracted values, whatever produced them. A whole posting carries pay, places,
// benefits, the employer's name and plenty of ordinary words; a tagger (or a model fine-tuned on
// requirement snippets) that never saw such text labels some of it. These checks are general
// (word lists of places, currencies, dates, benefits, generic words and degree names), never
// tuned to a page. Values may be in the annotator's token form (`go )`, `ph . d.`) or plain.
import { ENTITY_TYPES, type EntityType } from './entities';
import {
  DEGREE_WORDS,
  DEGREE_PHRASES,
  PLACES,
  BENEFITS,
  BENEFITS_ALONE,
  CURRENCY_SIGN,
  CURRENCY_CODE,
  DATE,
  STOP,
  VERBS,
  ADJECTIVES,
  GENERIC,
  FIELDS,
  COMPOUND_ADJECTIVE_HEADS,
  PRONOUNS,
  NOT_A_FIELD,
} from './sanity-words';

export interface SanityContext {
  /** The employer's name (posting.company): never a skill, major or degree. */
  company?: string;
  /**
   * false for a model's answers: only what is never an entity of the type is dropped (a diploma
   * without a degree word; a place, pay, a benefit, a date or the employer as a skill or major;
   * pieces of sentences), while generic and stop words stay, because a model fine-tuned on the
   * annotator's labels answers `managing` or `design` on purpose. Default true.
   */
  strict?: boolean;
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
/** Punctuation that never starts or ends a value (`+` and `#` end `c++` and `c#`; `.` starts `.net`). */
const STRAY_EDGE = /^[,;:!?\-–—•*·|/\\'"“”‘’…]$/u;

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/**
 * Trims unbalanced brackets, stray punctuation and stop words from a value's ends:
 * `go )` -> `go`, `( sdlc` -> `sdlc`, `Go)` -> `Go`, `and python ,` -> `python`. Dotted
 * abbreviations keep their final dot (`ph . d.`, `B.S.`).
 */
export function trimValue(value: string): string {
  let s = value.trim().replace(/\s+/gu, ' ');
  for (let guard = 0; guard < 32 && s; guard++) {
    const before = s;
    const first = s[0];
    const last = s[s.length - 1];
    if (Object.hasOwn(OPENERS, first) && count(s, first) > count(s, OPENERS[first])) s = s.slice(1).trim();
    else if (Object.hasOwn(CLOSERS, last) && count(s, last) > count(s, CLOSERS[last])) s = s.slice(0, -1).trim();
    else if (STRAY_EDGE.test(first) && !/^-\d/.test(s)) s = s.slice(1).trim();
    else if (STRAY_EDGE.test(last)) s = s.slice(0, -1).trim();
    else if (first === '.' && !/^\.\p{L}/u.test(s)) s = s.slice(1).trim();
    else if (last === '.' && !/(^|[\s.])\p{L}{1,2}\.$/u.test(s) && !/\betc\.$/i.test(s)) s = s.slice(0, -1).trim();
    else {
      const words = s.split(' ');
      if (words.length > 1 && STOP.has(words[0].toLowerCase())) s = words.slice(1).join(' ');
      else if (words.length > 1 && STOP.has(words[words.length - 1].toLowerCase())) s = words.slice(0, -1).join(' ');
    }
    if (s === before) break;
  }
  return s;
}

/** Lower-cased words of a value, dots inside abbreviations removed (`ph . d.` -> `phd`, `B.S.` -> `bs`). */
function words(value: string): string[] {
  const s = value
    .toLowerCase()
    .replace(/\s*\.\s*(?=\p{L}\.|\p{L}\b)/gu, '.')
    .replace(/(\p{L})\.(?=\p{L})/gu, '$1')
    .replace(/\.(?=\s|$)/g, '');
  return s
    .split(/[^\p{L}\p{N}+#.-]+/u)
    .map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
    .filter(Boolean);
}

/** Multi-word entries of a word list, computed once per list (the lists are checked for every value). */
const multiWord = new WeakMap<Set<string>, string[]>();
function phrasesOf(set: Set<string>): string[] {
  let m = multiWord.get(set);
  if (!m) multiWord.set(set, (m = [...set].filter((p) => p.includes(' '))));
  return m;
}

function hasPhrase(value: string, phrases: Set<string>): boolean {
  const ws = words(value);
  if (ws.some((w) => phrases.has(w))) return true;
  const lower = ` ${ws.join(' ')} `;
  return phrasesOf(phrases).some((p) => lower.includes(` ${p} `));
}

/** True when the value names a degree (bachelor, BS, Ph.D., diploma, baccalauréat, high school...). */
export function hasDegreeWord(value: string): boolean {
  const ws = words(value).flatMap((w) => [w, ...w.split('-')]);
  if (ws.some((w) => DEGREE_WORDS.has(w) || DEGREE_WORDS.has(w.replace(/['’]s$/u, '')))) return true;
  const lower = ` ${ws.join(' ')} `;
  return DEGREE_PHRASES.some((p) => lower.includes(` ${p} `));
}

/** True when every word of the value is a place (`san francisco`, `ca & bangalore`, `uk`). */
export function isPlace(value: string): boolean {
  const ws = words(value).filter((w) => PLACES.has(w) || (!STOP.has(w) && w !== '&'));
  if (ws.length === 0) return false;
  const joined = ws.join(' ');
  if (PLACES.has(joined)) return true;
  // Multi-word places first (`san francisco`), then the remaining single words.
  let rest = ` ${joined} `;
  for (const p of phrasesOf(PLACES)) if (rest.includes(` ${p} `)) rest = rest.split(` ${p} `).join(' ');
  const left = rest.trim().split(' ').filter(Boolean);
  return left.every((w) => PLACES.has(w));
}

export function isBenefitOrPay(value: string, strict = true): boolean {
  return (
    CURRENCY_SIGN.test(value) ||
    (strict && CURRENCY_CODE.test(value)) ||
    /\b\d+\s*k\b/i.test(value) ||
    /\b401\s*\(?\s*k\b/i.test(value) ||
    hasPhrase(value, BENEFITS) ||
    BENEFITS_ALONE.has(words(value).join(' '))
  );
}

export function isDate(value: string): boolean {
  return DATE.test(value);
}

/** The employer's distinctive name words (`PaperCut Software` -> `papercut`). */
function companyWords(company: string | undefined): string[] {
  if (!company) return [];
  return words(company).filter(
    (w) =>
      w.length >= 3 &&
      !GENERIC.has(w) &&
      !STOP.has(w) &&
      !PLACES.has(w) &&
      !/^(inc|llc|ltd|corp|co|gmbh|plc|group|labs|software|technologies|technology|systems|solutions|consulting|partners|holdings|international|global)$/.test(
        w,
      ),
  );
}

function namesCompany(value: string, company: string[]): boolean {
  if (company.length === 0) return false;
  return words(value).some((w) =>
    company.some((c) => w === c || (c.length >= 4 && w.startsWith(c)) || (w.length >= 4 && c.startsWith(w))),
  );
}

/** True when every word of the value is generic or a stop word (and it holds at least one word). */
export function isGeneric(value: string): boolean {
  const ws = words(value);
  if (ws.length === 0) return true;
  if (ws.length === 1 && FIELDS.has(ws[0])) return false;
  const joined = ws.join(' ');
  if (GENERIC.has(joined) || STOP.has(joined)) return true;
  // A phrase is generic only when it has no noun at all (`next-generation`, `and you've`):
  // `people management` and `operating systems` are skills although each word is common.
  const parts = ws.flatMap((w) => w.split('-')).filter(Boolean);
  return parts.every((w) => VERBS.has(w) || ADJECTIVES.has(w) || STOP.has(w) || w === 'it' || w === '&' || w === '/');
}

/**
 * The value trimmed, or null when it cannot be an entity of this type: a diploma without a
 * degree word; a major that is a place, a benefit, a date, the employer or no field of study;
 * a skill that is a place, pay or a benefit, a date, the employer's name, a generic word or a
 * stop word. Numbers and punctuation alone are never values.
 */
export function sanitizeValue(type: EntityType, value: string, context: SanityContext = {}): string | null {
  const strict = context.strict ?? true;
  const v = trimValue(value);
  if (!/\p{L}/u.test(v)) return null;
  const ws = words(v);
  if (ws.length === 0 || (strict && ws.length === 1 && STOP.has(ws[0]))) return null;
  if (type === 'experience')
    return /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|year|years|month|months|ans?|années|jahre|años|anos)\b/i.test(
      v,
    )
      ? v
      : null;
  if (type === 'diploma') return hasDegreeWord(v) ? v : null;
  const company = companyWords(context.company);
  if (isPlace(v) || isBenefitOrPay(v, strict) || isDate(v) || namesCompany(v, company)) return null;
  if (type === 'diploma_major') {
    if (!strict) return v;
    if (
      /\d/.test(v) ||
      ws.length > 6 ||
      hasPhrase(v, NOT_A_FIELD) ||
      hasDegreeWord(v) ||
      ws.every((w) => VERBS.has(w) || ADJECTIVES.has(w) || STOP.has(w))
    )
      return null;
    return v;
  }
  if (strict && (isGeneric(v) || ws.length > 8)) return null;
  if (ws.some((w) => PRONOUNS.has(w.replace(/’/g, "'"))) || /\b(you|we|they)\s*['’]\s*(ve|re|ll)\b/i.test(v))
    return null;
  const compound = v.toLowerCase().split(/\s*[-–]\s*/u);
  if (compound.length === 2 && !compound[0].includes(' ') && COMPOUND_ADJECTIVE_HEADS.has(compound[1].trim()))
    return null;
  return v;
}

/** Applies sanitizeValue to every value of every type (order kept, rejected values dropped). */
export function sanitizeEntities<T extends Record<EntityType, string[]>>(entities: T, context: SanityContext = {}): T {
  const out = { ...entities };
  for (const t of ENTITY_TYPES)
    out[t] = entities[t].map((v) => sanitizeValue(t, v, context)).filter((v): v is string => v !== null);
  return out;
}
