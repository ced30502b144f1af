// The model's answer format. Fine-tuned completion models answer in the seed's training format:
//   " experience:['3 - 5 years']\nskills:['integration', 'c #']\n END"
// (a leading space, one `key:[python list literal]` line per entity type present, any order, then
// " END" unless the stop word cut it off); the negative is " no entity\n , END". Chat models may
// answer the same way or with JSON, possibly in a ```json fence. The parser is one forgiving
// scanner for both: it reads `key : value` pairs where the key may be quoted and the value is a
// list of quoted strings (Python or JSON quoting) or one string; anything else is skipped with a
// warning. It never throws.
import { emptyEntities, ENTITY_TYPES, type Entities, type EntityType } from './entities';
import { readBullets, readList, Scanner } from './completion-scan';
import { STOP } from './prompt';

export {
  negativeCompletion,
  pythonListRepr,
  pythonRepr,
  serializeCompletion,
  toJsonAnswer,
} from './completion-serialize';

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

function entityTypeOf(key: string): EntityType | undefined {
  const k = key
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  // Own keys only: `constructor` or `__proto__` in an answer must not find Object's.
  return (ENTITY_TYPES as readonly string[]).includes(k)
    ? (k as EntityType)
    : Object.hasOwn(KEY_ALIASES, k)
      ? KEY_ALIASES[k]
      : undefined;
}

function clip(s: string, n = 40): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n)}…` : one;
}

/** Remove a markdown code fence around the answer (```json ... ```). */
function stripFences(text: string): string {
  return text.replace(/```[a-zA-Z]*[^\S\n]*\n?/g, '\n');
}

export function parseCompletion(
  text: string,
  opts: { finishReason?: string | null; stop?: string } = {},
): ParsedCompletion {
  try {
    return parseUnsafe(typeof text === 'string' ? text : String(text ?? ''), opts);
  } catch (err) {
    // Defensive: the scanner is written not to throw, but no answer may ever crash a caller.
    return {
      entities: emptyEntities(),
      warnings: [`The model's answer could not be read (${clip(String(err))}); no entities were taken from it.`],
      negative: false,
      order: [],
      unreadable: true,
    };
  }
}

/** What the read steps share while they scan one answer. */
interface ReadState {
  sc: Scanner;
  entities: Entities;
  warnings: Set<string>;
  order: EntityType[];
  stopWord: string;
  /** The API said the answer hit the token limit. */
  truncated: boolean;
  negative: boolean;
  sawValue: boolean;
  /** The text ended inside a string or a list. */
  cutMidway: boolean;
}

/** After a read step: go on with the next entry, or the answer is over. */
type Step = 'next' | 'stop';

function parseUnsafe(text: string, opts: { finishReason?: string | null; stop?: string }): ParsedCompletion {
  const st: ReadState = {
    sc: new Scanner(stripFences(text)),
    entities: emptyEntities(),
    warnings: new Set<string>(),
    order: [],
    stopWord: (opts.stop ?? STOP).trim(),
    truncated: opts.finishReason === 'length',
    negative: false,
    sawValue: false,
    cutMidway: false,
  };
  while (readEntry(st) === 'next');
  return finishRead(st, text);
}

function addValues(st: ReadState, type: EntityType, values: string[]): void {
  if (!st.order.includes(type)) st.order.push(type);
  for (const v of values) if (v.trim()) st.entities[type].push(v);
  st.sawValue = true;
}

function ignoreText(st: ReadState, text: string): void {
  st.warnings.add(`Ignored text that is not part of the answer format: "${clip(text)}".`);
}

function cutHere(st: ReadState): Step {
  st.cutMidway = true;
  return 'stop';
}

/** One `key: value` entry, or the punctuation, prose, negative or stop word found instead. */
function readEntry(st: ReadState): Step {
  const { sc } = st;
  sc.skipSpace();
  if (sc.done) return 'stop';
  const c = sc.peek();
  if (c === '{' || c === '}' || c === ',' || c === ';') {
    sc.pos++;
    return 'next';
  }
  const keyStart = sc.pos;
  const key = readKey(st);
  if (typeof key !== 'string') return key.step;
  sc.skipSpace(false);
  if (sc.peek() !== ':') return readNotAKey(st, key, keyStart);
  sc.pos++; // ':'
  const type = entityTypeOf(key);
  sc.skipSpace(false);
  if (sc.peek() === '\n' || sc.peek() === '\r') {
    const step = readAfterLineBreak(st, type, key);
    if (step) return step;
  }
  return readValue(st, type, key);
}

/** A quoted or bare key; `{ step }` when there is none to read. */
function readKey(st: ReadState): string | { step: Step } {
  const { sc } = st;
  const c = sc.peek();
  if (c === '"' || c === "'") {
    const k = sc.readString();
    return k === undefined ? { step: cutHere(st) } : k;
  }
  const key = sc.readBareKey();
  if (key) return key;
  ignoreText(st, sc.skipToLineEnd());
  return { step: 'next' };
}

/** A word not followed by ':': the negative, the stop word, or prose. */
function readNotAKey(st: ReadState, key: string, keyStart: number): Step {
  const { sc } = st;
  const word = key.trim();
  if (/^no entit(?:y|ies)$/i.test(word)) {
    st.negative = true;
    return 'next';
  }
  if (st.stopWord && word === st.stopWord) return 'stop'; // the answer ends here
  if (st.stopWord && word.startsWith(`${st.stopWord} `)) return 'stop';
  sc.pos = keyStart;
  const junk = sc.skipToLineEnd();
  if (sc.done && st.truncated) st.cutMidway = true;
  else ignoreText(st, junk);
  return 'next';
}

/**
 * A key at the end of its line. "Here are the entities:" on its own line is prose; a known key
 * may put its list on the next line (undefined: read it as the value) or a markdown list under it.
 */
function readAfterLineBreak(st: ReadState, type: EntityType | undefined, key: string): Step | undefined {
  const { sc } = st;
  const lineEnd = sc.pos;
  sc.skipSpace();
  if (type && sc.peek() === '[') return undefined;
  sc.pos = lineEnd;
  if (type) {
    // A markdown list under the key ("skills:\n- python\n- sql"), which chat models sometimes write.
    const bullets = readBullets(sc);
    if (bullets.length) {
      addValues(st, type, bullets);
      st.warnings.add('Some values were written as a bulleted list; they were read one per line.');
    }
  } else ignoreText(st, key + ':');
  return 'next';
}

/** The value after `key:`: a list, a string, null, a wrapper object, or unquoted words. */
function readValue(st: ReadState, type: EntityType | undefined, key: string): Step {
  const { sc } = st;
  const v = sc.peek();
  // A wrapper object ({"entities": {...}}): read the keys inside it.
  if (v === '{') return 'next';
  if (v === '[') {
    const { values, closed } = readList(sc, st.warnings);
    if (type) addValues(st, type, values);
    else st.warnings.add(`Ignored the unknown key "${clip(key)}".`);
    return closed ? 'next' : cutHere(st);
  }
  if (v === '"' || v === "'") {
    const s = sc.readString();
    if (s === undefined) return cutHere(st);
    if (type) addValues(st, type, [s]);
    else st.warnings.add(`Ignored the unknown key "${clip(key)}".`);
    return 'next';
  }
  if (/^null\b|^None\b/.test(sc.s.slice(sc.pos, sc.pos + 5))) {
    sc.pos += 4;
    if (type) addValues(st, type, []);
    return 'next';
  }
  if (sc.done) return cutHere(st);
  return readUnquoted(st, type, key);
}

/** "skills: python, sql": unquoted values on the key's line, split on commas. */
function readUnquoted(st: ReadState, type: EntityType | undefined, key: string): Step {
  const { sc } = st;
  const rest = sc.skipToLineEnd();
  if (!type) {
    ignoreText(st, key + ':' + rest);
    return 'next';
  }
  if (sc.done && st.truncated) st.cutMidway = true;
  const values = rest
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (sc.done && st.truncated) values.pop(); // the last one may be cut
  addValues(st, type, values);
  st.warnings.add('Some values were not quoted; they were read up to the next comma.');
  return 'next';
}

/** Warnings about the answer as a whole, and whether it is the negative or unreadable. */
function finishRead(st: ReadState, text: string): ParsedCompletion {
  const { entities, warnings, order, sawValue, cutMidway, truncated } = st;
  let negative = st.negative;
  if (cutMidway || truncated) {
    warnings.add(
      truncated
        ? 'The answer was cut off at the token limit: values after the cut are missing. Raise "max tokens" in the settings.'
        : 'The answer ended in the middle of a value: values after that point are missing.',
    );
  }
  if (sawValue && ENTITY_TYPES.some((t) => entities[t].length > 0)) negative = false;
  else if (sawValue && !cutMidway && !truncated)
    negative = true; // every list empty: `{"diploma": [], ...}`
  else if (!negative) {
    if (!text.trim()) warnings.add('The model returned an empty answer.');
    else if (!sawValue && !cutMidway)
      warnings.add("The model's answer is not in the expected format; no entities were found in it.");
  }
  const unreadable = !negative && !sawValue && !cutMidway && !truncated;
  return { entities, warnings: [...warnings], negative, order, ...(unreadable ? { unreadable } : {}) };
}
