// Writing the model's answer format (see completion.ts for reading it): the training completion,
// the negative answer, and the JSON form a chat model may answer with.
import { ENTITY_TYPES, type Entities, type EntityType } from './entities';
import { STOP } from './prompt';

/** The negative answer's words: a posting or passage without any entity. */
const NEGATIVE = 'no entity';

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
  return JSON.stringify({
    diploma: e.diploma,
    diploma_major: e.diploma_major,
    experience: e.experience,
    skills: e.skills,
  });
}
