// The model's answer format. Fine-tuned completion models answer in the seed's training format:
//   " experience:['3 - 5 years']\nskills:['integration', 'c #']\n END"
// (a leading space, one `key:[python list literal]` line per entity type present, any order, then
// " END" unless the stop word cut it off); the negative is " no entity\n , END". Chat models may
// answer the same way or with JSON, possibly in a ```json fence. The parser is one forgiving
// scanner for both: it reads `key : value` pairs where the key may be quoted and the value is a
// list of quoted strings (Python or JSON quoting) or one string; anything else is skipped with a
// warning. It never throws.
import { emptyEntities, ENTITY_TYPES, type Entities, type EntityType } from './entities';
import { STOP } from './prompt';

export interface ParsedCompletion {
  entities: Entities;
  warnings: string[];
  /** The answer said there is no entity (and none was found). */
  negative: boolean;
  /** Entity types in the order their keys first appeared (used to serialize back byte for byte). */
  order: EntityType[];
  /** Nothing in the answer could be read as the format (nor as the negative): not an empty result but a failed one. */
  unreadable?: boolean;
}

/** Other spellings of the four keys that models produce. */
const KEY_ALIASES: Record<string, EntityType> = {
  diplomas: 'diploma',
  degree: 'diploma',
  degrees: 'diploma',
  diploma_majors: 'diploma_major',
  major: 'diploma_major',
  majors: 'diploma_major',
  field_of_study: 'diploma_major',
  experiences: 'experience',
  skill: 'skills',
};

const NEGATIVE = 'no entity';

function entityTypeOf(key: string): EntityType | undefined {
  const k = key.trim().toLowerCase().replace(/[\s-]+/g, '_');
  // Own keys only: `constructor` or `__proto__` in an answer must not find Object's.
  return (ENTITY_TYPES as readonly string[]).includes(k) ? (k as EntityType) : Object.hasOwn(KEY_ALIASES, k) ? KEY_ALIASES[k] : undefined;
}

function clip(s: string, n = 40): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n)}…` : one;
}

class Scanner {
  pos = 0;
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.pos >= this.s.length;
  }
  peek(): string {
    return this.s[this.pos] ?? '';
  }
  /** Skip spaces and tabs (and line breaks when `lines`). */
  skipSpace(lines = true): void {
    const re = lines ? /\s/ : /[^\S\r\n]/;
    while (!this.done && re.test(this.peek())) this.pos++;
  }
  skipToLineEnd(): string {
    const start = this.pos;
    while (!this.done && this.peek() !== '\n') this.pos++;
    return this.s.slice(start, this.pos);
  }
  /**
   * A quoted string starting at pos (Python or JSON escapes). Returns undefined and leaves pos at
   * the end of the text when the closing quote is missing (a truncated answer).
   */
  readString(): string | undefined {
    const quote = this.peek();
    this.pos++;
    let out = '';
    while (!this.done) {
      const c = this.s[this.pos++];
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      if (this.done) break;
      const e = this.s[this.pos++];
      const hex = (n: number): string | undefined => {
        const h = this.s.slice(this.pos, this.pos + n);
        if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) return undefined;
        const cp = parseInt(h, 16);
        if (cp > 0x10ffff) return undefined;
        this.pos += n;
        return String.fromCodePoint(cp);
      };
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '0': '\0', '\\': '\\', "'": "'", '"': '"', '/': '/', '\n': '' };
      if (e in simple) out += simple[e];
      else if (e === 'x') out += hex(2) ?? '\\x';
      else if (e === 'u') out += hex(4) ?? '\\u';
      else if (e === 'U') out += hex(8) ?? '\\U';
      else out += `\\${e}`; // Python keeps unknown escapes as written
    }
    return undefined;
  }
  /** An unquoted word run for keys: letters, digits, `_`, `-`, spaces. */
  readBareKey(): string {
    const m = /^[A-Za-z_][\w -]*/.exec(this.s.slice(this.pos, this.pos + 200));
    if (!m) return '';
    this.pos += m[0].length;
    return m[0];
  }
}

/** Remove a markdown code fence around the answer (```json ... ```). */
function stripFences(text: string): string {
  return text.replace(/```[a-zA-Z]*[^\S\n]*\n?/g, '\n');
}

export function parseCompletion(text: string, opts: { finishReason?: string | null; stop?: string } = {}): ParsedCompletion {
  try {
    return parseUnsafe(typeof text === 'string' ? text : String(text ?? ''), opts);
  } catch (err) {
    // Defensive: the scanner is written not to throw, but no answer may ever crash a caller.
    return { entities: emptyEntities(), warnings: [`The model's answer could not be read (${clip(String(err))}); no entities were taken from it.`], negative: false, order: [], unreadable: true };
  }
}

function parseUnsafe(text: string, opts: { finishReason?: string | null; stop?: string }): ParsedCompletion {
  const entities = emptyEntities();
  const warnings = new Set<string>();
  const order: EntityType[] = [];
  const stopWord = (opts.stop ?? STOP).trim();
  const truncated = opts.finishReason === 'length';
  let negative = false;
  let sawValue = false;
  let cutMidway = false;

  const sc = new Scanner(stripFences(text));
  const add = (type: EntityType, values: string[]) => {
    if (!order.includes(type)) order.push(type);
    for (const v of values) if (v.trim()) entities[type].push(v);
    sawValue = true;
  };

  while (true) {
    sc.skipSpace();
    if (sc.done) break;
    const c = sc.peek();
    if (c === '{' || c === '}' || c === ',' || c === ';') {
      sc.pos++;
      continue;
    }
    let key: string;
    const keyStart = sc.pos;
    if (c === '"' || c === "'") {
      const k = sc.readString();
      if (k === undefined) {
        cutMidway = true;
        break;
      }
      key = k;
    } else {
      key = sc.readBareKey();
      if (!key) {
        const junk = sc.skipToLineEnd();
        warnings.add(`Ignored text that is not part of the answer format: "${clip(junk)}".`);
        continue;
      }
    }
    sc.skipSpace(false);
    if (sc.peek() !== ':') {
      // Not a key: the negative, the stop word, or prose.
      const word = key.trim();
      if (/^no entit(?:y|ies)$/i.test(word)) {
        negative = true;
        continue;
      }
      if (stopWord && word === stopWord) break; // the answer ends here
      if (stopWord && word.startsWith(`${stopWord} `)) break;
      sc.pos = keyStart;
      const junk = sc.skipToLineEnd();
      if (sc.done && truncated) cutMidway = true;
      else warnings.add(`Ignored text that is not part of the answer format: "${clip(junk)}".`);
      continue;
    }
    sc.pos++; // ':'
    const type = entityTypeOf(key);
    sc.skipSpace(false);
    if (sc.peek() === '\n' || sc.peek() === '\r') {
      // "Here are the entities:" on its own line is prose; a known key may put its list on the next line.
      const lineEnd = sc.pos;
      sc.skipSpace();
      if (!(type && sc.peek() === '[')) {
        sc.pos = lineEnd;
        if (type) {
          // A markdown list under the key ("skills:\n- python\n- sql"), which chat models sometimes write.
          const bullets = readBullets(sc);
          if (bullets.length) {
            add(type, bullets);
            warnings.add('Some values were written as a bulleted list; they were read one per line.');
          }
        } else warnings.add(`Ignored text that is not part of the answer format: "${clip(key + ':')}".`);
        continue;
      }
    }
    const v = sc.peek();
    if (v === '{') {
      // A wrapper object ({"entities": {...}}): read the keys inside it.
      continue;
    }
    if (v === '[') {
      const { values, closed } = readList(sc, warnings);
      if (type) add(type, values);
      else warnings.add(`Ignored the unknown key "${clip(key)}".`);
      if (!closed) {
        cutMidway = true;
        break;
      }
      continue;
    }
    if (v === '"' || v === "'") {
      const s = sc.readString();
      if (s === undefined) {
        cutMidway = true;
        break;
      }
      if (type) add(type, [s]);
      else warnings.add(`Ignored the unknown key "${clip(key)}".`);
      continue;
    }
    if (/^null\b|^None\b/.test(sc.s.slice(sc.pos, sc.pos + 5))) {
      sc.pos += 4;
      if (type) add(type, []);
      continue;
    }
    if (sc.done) {
      cutMidway = true;
      break;
    }
    const rest = sc.skipToLineEnd();
    if (type) {
      // "skills: python, sql": unquoted values on the key's line, split on commas.
      if (sc.done && truncated) cutMidway = true;
      const values = rest.split(',').map((x) => x.trim()).filter(Boolean);
      if (sc.done && truncated) values.pop(); // the last one may be cut
      add(type, values);
      warnings.add('Some values were not quoted; they were read up to the next comma.');
    } else warnings.add(`Ignored text that is not part of the answer format: "${clip(key + ':' + rest)}".`);
  }

  if (cutMidway || truncated) {
    warnings.add(
      truncated
        ? 'The answer was cut off at the token limit: values after the cut are missing. Raise "max tokens" in the settings.'
        : 'The answer ended in the middle of a value: values after that point are missing.',
    );
  }
  if (sawValue && ENTITY_TYPES.some((t) => entities[t].length > 0)) negative = false;
  else if (sawValue && !cutMidway && !truncated) negative = true; // every list empty: `{"diploma": [], ...}`
  else if (!negative) {
    if (!text.trim()) warnings.add('The model returned an empty answer.');
    else if (!sawValue && !cutMidway) warnings.add("The model's answer is not in the expected format; no entities were found in it.");
  }
  const unreadable = !negative && !sawValue && !cutMidway && !truncated;
  return { entities, warnings: [...warnings], negative, order, ...(unreadable ? { unreadable } : {}) };
}

/** Lines starting with a bullet (`- `, `* `, `• `) at sc.pos, one value each (quotes removed). */
function readBullets(sc: Scanner): string[] {
  const values: string[] = [];
  while (true) {
    const m = /^\s*\n[^\S\n]*[-*•][^\S\n]+([^\n]*)/.exec(sc.s.slice(sc.pos, sc.pos + 1000));
    if (!m) return values;
    sc.pos += m[0].length;
    const v = m[1].trim().replace(/^(['"])(.*)\1,?$/, '$2');
    if (v) values.push(v);
  }
}

/** A list literal at sc.pos: quoted strings (or bare words) separated by commas. */
function readList(sc: Scanner, warnings: Set<string>): { values: string[]; closed: boolean } {
  sc.pos++; // '['
  const values: string[] = [];
  while (true) {
    sc.skipSpace();
    if (sc.done) return { values, closed: false };
    const c = sc.peek();
    if (c === ']') {
      sc.pos++;
      return { values, closed: true };
    }
    if (c === ',') {
      sc.pos++;
      continue;
    }
    if (c === '"' || c === "'") {
      const s = sc.readString();
      if (s === undefined) return { values, closed: false };
      values.push(s);
      continue;
    }
    // An unquoted item (`[python, java]`): up to the next comma or bracket on this line.
    const m = /^[^,\]\n]+/.exec(sc.s.slice(sc.pos, sc.pos + 500));
    if (!m) {
      // A line break inside the list without a closing bracket: the list ends there.
      return { values, closed: true };
    }
    sc.pos += m[0].length;
    const item = m[0].trim();
    if (sc.done) return { values, closed: false }; // possibly cut mid-word: drop it
    if (item && item !== 'null' && item !== 'None') {
      values.push(item);
      warnings.add('Some values were not quoted; they were read up to the next comma.');
    }
  }
}

// --- Serialization ----------------------------------------------------------------------------

/** Python's repr() of a str: single quotes unless the value contains ' and no ". */
export function pythonRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** Python's repr() of a list of str. */
export function pythonListRepr(values: string[]): string {
  return `[${values.map(pythonRepr).join(', ')}]`;
}

/**
 * The negative answer. The seed's 9 negatives all read " no entity\n , END" (a stray line with a
 * comma before the stop word, unlike the positives' "\n END"); we write exactly that form so the
 * training data round-trips byte for byte and a model fine-tuned on it sees its own format.
 * parseCompletion accepts it with or without the ",", with or without the stop word.
 */
export function negativeCompletion(stop: string = STOP): string {
  return ` ${NEGATIVE}\n ,${stop}`;
}

/**
 * The training format: a leading space, one `type:[...]` line per non-empty type (in `order`,
 * then the remaining types in the canonical order), then "\n" + stop. All empty -> the negative.
 */
export function serializeCompletion(e: Entities, opts: { order?: EntityType[]; stop?: string } = {}): string {
  const stop = opts.stop ?? STOP;
  const types: EntityType[] = [];
  for (const t of [...(opts.order ?? []), ...ENTITY_TYPES]) if (!types.includes(t) && e[t].length > 0) types.push(t);
  if (types.length === 0) return negativeCompletion(stop);
  return ` ${types.map((t) => `${t}:${pythonListRepr(e[t])}`).join('\n')}\n${stop}`;
}

/** The JSON form a chat model may answer with (all four keys, compact). */
export function toJsonAnswer(e: Entities): string {
  return JSON.stringify({ diploma: e.diploma, diploma_major: e.diploma_major, experience: e.experience, skills: e.skills });
}
