// The dataset checker's named checks: each reads the shared context (check.ts builds it once) and
// returns its warnings, so each can be read, tested and changed on its own.
import { valueKey } from '../display';
import { ENTITY_TYPES } from '../entities';
import type { CheckId, Facts, Warning } from './check';
import { containsWord } from './ending';
import { duplicateKey } from './pairs';

export const RECOMMENDED_EXAMPLES = 100;
/** OpenAI refuses fine-tuning jobs with fewer examples. */
export const MINIMUM_EXAMPLES = 10;
const UPPER_CASE_RATIO = 0.5;
const UPPER_CASE_MIN_LETTERS = 20;
const LONG_SUFFIX_CHARS = 20;
const PREFIX_MIN_CHARS = 10;

/** What every check reads: the per-example facts, split once, and the options in force. */
export interface CheckContext {
  facts: Facts[];
  completionFacts: Facts[];
  chatFacts: Facts[];
  /** Examples whose completion is not blank. */
  nonEmpty: Facts[];
  separator: string;
  stop: string;
  model: string;
  limit: number;
  /** Completion format only: each way completions end -> the lines ending that way. */
  endings: Map<string, number[]>;
}

/** A named check: the warnings it finds (usually none or one). */
export type Check = (ctx: CheckContext) => Warning[];

function warning(check: CheckId, message: string, lines: number[]): Warning {
  return { check, message, lines: [...new Set(lines)].sort((a, b) => a - b) };
}

/** A warning when any line matches. */
function when(check: CheckId, lines: number[], message: (n: number) => string): Warning[] {
  return lines.length ? [warning(check, message(lines.length), lines)] : [];
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const linesOf = (facts: Facts[], pred: (f: Facts) => boolean = () => true) =>
  facts.filter(pred).map((f) => f.pair.line);
export const isBlank = (f: Facts) => f.pair.completion.trim() === '';
export const isCompletion = (f: Facts) => f.pair.kind === 'completion';

function checkKeyCase({ facts }: CheckContext): Warning[] {
  const renamed = facts.filter((f) => f.pair.renamedKeys.length);
  const keys = [...new Set(renamed.flatMap((f) => f.pair.renamedKeys))].join(', ');
  return when(
    'key-case',
    linesOf(renamed),
    (n) =>
      `${n} line(s) name a key in another letter case (${keys}); they are read as "prompt"/"completion" and --fix renames them.`,
  );
}

function checkExtraKeys({ facts }: CheckContext): Warning[] {
  const extra = facts.filter((f) => f.pair.extraKeys.length);
  const keys = [...new Set(extra.flatMap((f) => f.pair.extraKeys))].map((k) => JSON.stringify(k)).join(', ');
  return when(
    'extra-keys',
    linesOf(extra),
    (n) => `${n} line(s) carry keys fine-tuning does not use (${keys}); --fix drops them.`,
  );
}

function checkMixedFormats({ completionFacts, chatFacts }: CheckContext): Warning[] {
  if (!completionFacts.length || !chatFacts.length) return [];
  const minority = completionFacts.length >= chatFacts.length ? chatFacts : completionFacts;
  return [
    warning(
      'mixed-formats',
      `The file mixes ${completionFacts.length} prompt/completion line(s) and ${chatFacts.length} chat "messages" line(s); a fine-tuning file takes one format (--fix writes prompt/completion; \`dataset convert\` writes either).`,
      linesOf(minority),
    ),
  ];
}

function checkEmptyCompletion({ facts }: CheckContext): Warning[] {
  return when(
    'empty-completion',
    linesOf(facts, isBlank),
    (n) =>
      `${n} completion(s) are empty: the model would learn to answer nothing. Write the entities, or " no entity" for a posting without any; --fix drops them.`,
  );
}

function checkCompletionFormat({ nonEmpty }: CheckContext): Warning[] {
  const bad = nonEmpty.filter((f) => f.parsed.warnings.length);
  const shown = bad
    .slice(0, 5)
    .map((f) => `line ${f.pair.line}: ${f.parsed.warnings[0]}`)
    .join('; ');
  return when(
    'completion-format',
    linesOf(bad),
    (n) =>
      `${n} completion(s) could not be read cleanly as entity lines such as "skills:['python']": ${shown}${n > 5 ? '; ...' : ''}`,
  );
}

/** The same posting text twice: with the same entities (a duplicate) or different ones (a conflict). */
function checkDuplicates({ facts }: CheckContext): Warning[] {
  const byText = new Map<string, Facts[]>();
  for (const f of facts) pushTo(byText, f.text, f);
  const dupLines: number[] = [];
  const dupNotes: string[] = [];
  const conflictLines: number[] = [];
  const conflictNotes: string[] = [];
  for (const group of byText.values()) {
    if (group.length < 2) continue;
    const firstBySig = new Map<string, number>();
    for (const f of group) {
      const sig = duplicateKey('', f.parsed.entities);
      const first = firstBySig.get(sig);
      if (first === undefined) firstBySig.set(sig, f.pair.line);
      else {
        dupLines.push(f.pair.line);
        dupNotes.push(`line ${f.pair.line} repeats line ${first}`);
      }
    }
    if (firstBySig.size > 1) {
      conflictLines.push(...linesOf(group));
      conflictNotes.push(`lines ${linesOf(group).join(', ')}`);
    }
  }
  return [
    ...when(
      'duplicate',
      dupLines,
      (n) =>
        `${n} duplicate example(s) (${dupNotes.join('; ')}); duplicates weigh an example twice. --fix keeps the first.`,
    ),
    ...when(
      'conflicting-duplicate',
      conflictLines,
      () =>
        `The same posting text is annotated differently (${conflictNotes.join('; ')}): the model gets contradictory lessons. Keep one annotation of each.`,
    ),
  ];
}

function checkTooLong({ facts, limit, model }: CheckContext): Warning[] {
  return when(
    'too-long',
    linesOf(facts, (f) => f.tokens > limit),
    (n) =>
      `${n} example(s) exceed ${limit} tokens, the context of ${model}; they would be cut or skipped in training. Shorten them to the qualifications; --fix drops them.`,
  );
}

function checkUpperCase({ facts }: CheckContext): Warning[] {
  const upper = linesOf(facts, (f) =>
    isMostlyUpperCase(f.text + ' ' + ENTITY_TYPES.flatMap((t) => f.parsed.entities[t]).join(' ')),
  );
  return when(
    'upper-case',
    upper,
    (n) =>
      `${n} example(s) are mostly upper-case; models learn lower-case text better and postings are rarely written in capitals. Consider writing them in normal case.`,
  );
}

/** The separator at the end of each prompt (completion format only: chat lines need none). */
function checkSeparator({ completionFacts, separator }: CheckContext): Warning[] {
  const core = separator.trim() || separator;
  const missing: number[] = [];
  const variant: number[] = [];
  const inside: number[] = [];
  for (const f of completionFacts) {
    const p = f.pair.prompt;
    let body = p;
    if (p.endsWith(separator)) body = p.slice(0, -separator.length);
    else if (p.trimEnd().endsWith(core)) {
      variant.push(f.pair.line);
      body = p.trimEnd().slice(0, -core.length);
    } else missing.push(f.pair.line);
    if (body.includes(core)) inside.push(f.pair.line);
  }
  const showSep = JSON.stringify(separator);
  return [
    ...when(
      'separator-missing',
      missing,
      (n) =>
        `${n} prompt(s) do not end with the separator ${showSep}; the model cannot tell where the posting ends, and the extension ends every prompt with it. --fix adds it.`,
    ),
    ...when(
      'separator-inconsistent',
      variant,
      (n) =>
        `${n} prompt(s) end with a different variant of the separator than ${showSep}; use exactly the one inference uses. --fix makes them all the same.`,
    ),
    ...when(
      'separator-in-prompt',
      inside,
      (n) =>
        `${n} prompt(s) contain ${JSON.stringify(core)} before the end; the model may take it for the end of the posting. --fix neutralises it as the extension does at inference.`,
    ),
  ];
}

/** A long separator, or the same fixed text before it on every prompt. */
function checkSeparatorLong({ completionFacts, separator }: CheckContext): Warning[] {
  if (separator.length > LONG_SUFFIX_CHARS)
    return [
      warning(
        'separator-long',
        `The separator ${JSON.stringify(separator)} is ${separator.length} characters long; a short fixed one such as "\\n\\n###\\n\\n" costs fewer tokens on every example.`,
        [],
      ),
    ];
  const withSep = completionFacts.filter((f) => f.pair.prompt.endsWith(separator));
  if (withSep.length < 2) return [];
  const suffix = commonSuffix(withSep.map((f) => f.pair.prompt));
  const extraText = wordAligned(suffix.slice(0, suffix.length - separator.length), 'suffix').trim();
  if (extraText.length < LONG_SUFFIX_CHARS) return [];
  return [
    warning(
      'separator-long',
      `Every prompt ends with the same ${JSON.stringify(extraText)} before the separator: fixed instructions cost tokens on every example and fine-tuning makes them unnecessary. Remove them.`,
      linesOf(withSep),
    ),
  ];
}

function checkCommonPrefix({ completionFacts }: CheckContext): Warning[] {
  if (completionFacts.length < 2) return [];
  const prefix = wordAligned(commonPrefix(completionFacts.map((f) => f.pair.prompt)), 'prefix').trim();
  if (prefix.length < PREFIX_MIN_CHARS) return [];
  return [
    warning(
      'common-prefix',
      `Every prompt starts with ${JSON.stringify(prefix)}: instructions repeated on each example are unnecessary after fine-tuning and cost tokens. Remove them (the extension sends only the posting text).`,
      linesOf(completionFacts),
    ),
  ];
}

function checkEndingMissing({ facts, stop }: CheckContext): Warning[] {
  const missing = linesOf(facts, (f) => isCompletion(f) && !isBlank(f) && f.ending === null);
  return when(
    'ending-missing',
    missing,
    (n) =>
      `${n} completion(s) do not end with the stop word ${JSON.stringify(stop)}; without it the model does not know when to stop. --fix adds it.`,
  );
}

function checkEndingInconsistent({ completionFacts, endings, stop }: CheckContext): Warning[] {
  if (endings.size <= 1) return [];
  const ranked = [...endings.entries()].sort((a, b) => b[1].length - a[1].length);
  const odd = ranked.slice(1).flatMap(([, l]) => l);
  const oddLines = new Set(odd);
  const negOdd = completionFacts.filter((f) => oddLines.has(f.pair.line) && f.parsed.negative).length;
  const ways = ranked.map(([e, l]) => `${JSON.stringify(e)} (${l.length})`).join(', ');
  return [
    warning(
      'ending-inconsistent',
      `Completions end in ${ranked.length} different ways: ${ways}${negOdd === odd.length ? ' — the odd ones are the negatives' : ''}. A model trained on two endings may stop on neither; --fix ends every completion with ${JSON.stringify('\n' + stop)}.`,
      odd,
    ),
  ];
}

function checkEndingInCompletion({ facts, stop }: CheckContext): Warning[] {
  const stopCore = stop.trim() || stop;
  const inside = linesOf(facts, (f) => isCompletion(f) && containsWord(f.body, stopCore));
  return when(
    'ending-in-completion',
    inside,
    (n) =>
      `${n} completion(s) contain the stop word ${JSON.stringify(stopCore)} before their end; the model would stop there and lose the rest.`,
  );
}

function checkLeadingSpace({ facts }: CheckContext): Warning[] {
  const noSpace = linesOf(facts, (f) => isCompletion(f) && !isBlank(f) && !f.pair.completion.startsWith(' '));
  return when(
    'no-leading-space',
    noSpace,
    (n) =>
      `${n} completion(s) do not start with a space; tokenizers join a word to the space before it, so every completion should start with one. --fix adds it.`,
  );
}

function checkNegatives({ facts, nonEmpty }: CheckContext): Warning[] {
  if (facts.length === 0 || nonEmpty.some((f) => f.parsed.negative)) return [];
  return [
    warning(
      'no-negatives',
      'No negative examples (" no entity"): add some postings or passages without any diploma, major, experience or skill, or the model will invent entities for them.',
      [],
    ),
  ];
}

function checkSize({ facts }: CheckContext): Warning[] {
  const n = facts.length;
  if (n >= RECOMMENDED_EXAMPLES) return [];
  const refused = n < MINIMUM_EXAMPLES ? `OpenAI refuses fine-tuning with fewer than ${MINIMUM_EXAMPLES}. ` : '';
  return [
    warning(
      'few-examples',
      `Only ${n} usable example(s). ${refused}Results improve with at least ${RECOMMENDED_EXAMPLES}; each doubling of the data tends to improve quality steadily. Add corrected examples from the extension ("Save as training example").`,
      [],
    ),
  ];
}

/** Values that do not occur in their prompt: likely annotation errors. */
function checkValuesInPrompt({ nonEmpty }: CheckContext): Warning[] {
  const notes: string[] = [];
  const lines: number[] = [];
  for (const f of nonEmpty) {
    // Lower case, no white space (display's valueKey): how values are compared with their prompt.
    const hay = valueKey(f.text);
    for (const t of ENTITY_TYPES) {
      for (const v of f.parsed.entities[t]) {
        const needle = valueKey(v);
        if (needle && !hay.includes(needle)) {
          lines.push(f.pair.line);
          notes.push(`line ${f.pair.line} ${t} ${JSON.stringify(v)}`);
        }
      }
    }
  }
  return when(
    'value-not-in-prompt',
    lines,
    () =>
      `${notes.length} value(s) do not occur in their prompt (compared ignoring case and spaces), likely annotation errors: ${notes.slice(0, 10).join('; ')}${notes.length > 10 ? '; ...' : ''}.`,
  );
}

/** Every check the dataset goes through; the report lists their warnings in CHECK_IDS order. */
export const CHECKS: Readonly<Record<string, Check>> = {
  keyCase: checkKeyCase,
  extraKeys: checkExtraKeys,
  mixedFormats: checkMixedFormats,
  emptyCompletion: checkEmptyCompletion,
  completionFormat: checkCompletionFormat,
  duplicates: checkDuplicates,
  tooLong: checkTooLong,
  upperCase: checkUpperCase,
  separator: checkSeparator,
  separatorLong: checkSeparatorLong,
  commonPrefix: checkCommonPrefix,
  endingMissing: checkEndingMissing,
  endingInconsistent: checkEndingInconsistent,
  endingInCompletion: checkEndingInCompletion,
  leadingSpace: checkLeadingSpace,
  negatives: checkNegatives,
  size: checkSize,
  valuesInPrompt: checkValuesInPrompt,
};
function isMostlyUpperCase(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < UPPER_CASE_MIN_LETTERS) return false;
  const upper = letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length;
  return upper / letters.length > UPPER_CASE_RATIO;
}

function commonPrefix(list: string[]): string {
  let p = list[0] ?? '';
  for (const s of list) {
    let i = 0;
    while (i < p.length && i < s.length && p[i] === s[i]) i++;
    p = p.slice(0, i);
    if (!p) break;
  }
  return p;
}

function commonSuffix(list: string[]): string {
  let p = list[0] ?? '';
  for (const s of list) {
    let i = 0;
    while (i < p.length && i < s.length && p[p.length - 1 - i] === s[s.length - 1 - i]) i++;
    p = p.slice(p.length - i);
    if (!p) break;
  }
  return p;
}

/** Cut a shared prefix/suffix back to whole words: a common first letter is not an instruction. */
function wordAligned(s: string, side: 'prefix' | 'suffix'): string {
  if (!s) return s;
  if (side === 'prefix') {
    const m = /^[\s\S]*[\s:.,;!?-]/.exec(s);
    return m ? m[0] : '';
  }
  const m = /[\s:.,;!?-][\s\S]*$/.exec(s);
  return m ? m[0] : '';
}
