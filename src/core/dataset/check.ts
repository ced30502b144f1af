// The dataset checker: every check OpenAI's removed `prepare_data` tool made, rebuilt for this
// project's format, plus the ones entity annotation needs (values missing from their prompt).
// Errors make a dataset unusable (a fine-tuning job would fail); warnings are worth a look and
// most are repaired by `--fix` (see fix.ts, whose planned fixes the report lists).
import { valueKey } from '../display';
import { ENTITY_TYPES, type EntityType } from '../entities';
import { parseCompletion, type ParsedCompletion } from '../completion';
import { SEPARATOR, STOP } from '../prompt';
import { contextTokensFor } from '../models';
import { duplicateKey, pairTokens, promptText, toPair, type Pair } from './pairs';
import type { Example, ReadError, ReadResult } from './read';
import { fixDataset, type Fix } from './fix';
import { containsWord, endingPattern } from './ending';

/** Stable ids: tests, scripts and the options page key on them. */
export const CHECK_IDS = [
  'key-case', // prompt/completion keys in another letter case (fixed)
  'extra-keys', // keys fine-tuning does not use (dropped by --fix)
  'mixed-formats', // prompt/completion lines and chat lines in one file
  'empty-completion',
  'duplicate', // same prompt text and same entities as an earlier line
  'conflicting-duplicate', // same prompt text, different entities
  'too-long', // prompt + completion over the target model's context
  'upper-case', // mostly upper-case text
  'separator-missing',
  'separator-inconsistent', // a different variant of the separator
  'separator-long', // the same long text before the separator on every prompt
  'separator-in-prompt', // the separator also inside the prompt
  'common-prefix', // the same instructions at the start of every prompt
  'ending-missing', // no stop word at the end of the completion
  'ending-inconsistent', // more than one way of ending completions
  'ending-in-completion', // the stop word inside the completion
  'no-leading-space', // completion does not start with a space
  'completion-format', // the completion's entity lines could not be read cleanly
  'no-negatives',
  'few-examples',
  'value-not-in-prompt', // likely annotation error
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface Warning {
  check: CheckId;
  message: string;
  /** The lines concerned, ascending; [] for a remark about the whole file. */
  lines: number[];
}

export interface EntityStats {
  /** Examples with at least one value of the type. */
  examples: number;
  /** Values of the type, repeats included. */
  values: number;
}

export interface DatasetStats {
  format?: string;
  /** Examples that could be read as a prompt and a completion. */
  usable: number;
  completionFormat: number;
  chatFormat: number;
  positives: number;
  negatives: number;
  entities: Record<EntityType, EntityStats>;
  tokens: { max: number; mean: number; total: number; limit: number };
  model: string;
  /** How completions end (the text before and including the stop word) -> count. */
  endings: Record<string, number>;
}

export interface CheckReport {
  /** Every record in the file: readable or not. */
  examples: number;
  errors: ReadError[];
  warnings: Warning[];
  fixes: Fix[];
  stats: DatasetStats;
}

export interface CheckOptions {
  /** The base model to fine-tune: sets the length limit. Default davinci-002 (the seed's method). */
  model?: string;
  /** Overrides the model's context size. */
  contextTokens?: number;
  separator?: string;
  stop?: string;
}

export const DEFAULT_CHECK_MODEL = 'davinci-002';
export const RECOMMENDED_EXAMPLES = 100;
/** OpenAI refuses fine-tuning jobs with fewer examples. */
export const MINIMUM_EXAMPLES = 10;
const UPPER_CASE_RATIO = 0.5;
const UPPER_CASE_MIN_LETTERS = 20;
const LONG_SUFFIX_CHARS = 20;
const PREFIX_MIN_CHARS = 10;

/** Per-example facts computed once and shared by the checks. */
interface Facts {
  pair: Pair;
  parsed: ParsedCompletion;
  /** The prompt's text: separator (and anything after it) removed, white space collapsed. */
  text: string;
  tokens: number;
  /** Completion format only: how it ends (e.g. '\n END'), null when it has no stop word. */
  ending: string | null;
  /** The completion without its ending. */
  body: string;
}

export function checkDataset(input: ReadResult | Example[], opts: CheckOptions = {}): CheckReport {
  const read: ReadResult = Array.isArray(input) ? { format: 'jsonl', examples: input, errors: [] } : input;
  const separator = opts.separator ?? SEPARATOR;
  const stop = opts.stop ?? STOP;
  const model = opts.model ?? DEFAULT_CHECK_MODEL;
  const limit = contextTokensFor(model, opts.contextTokens);
  const errors: ReadError[] = [...read.errors];
  const warnings: Warning[] = [];
  const warn = (check: CheckId, message: string, lines: number[]) => {
    if (lines.length || message) warnings.push({ check, message, lines: [...new Set(lines)].sort((a, b) => a - b) });
  };

  const facts: Facts[] = [];
  for (const ex of read.examples) {
    const r = toPair(ex);
    if (!r.ok) errors.push({ line: r.line, message: r.message });
    else facts.push(describe(r.pair, separator, stop));
  }
  errors.sort((a, b) => a.line - b.line);

  const lines = (pred: (f: Facts) => boolean) => facts.filter(pred).map((f) => f.pair.line);
  const completionFacts = facts.filter((f) => f.pair.kind === 'completion');
  const chatFacts = facts.filter((f) => f.pair.kind === 'chat');

  // --- keys and formats
  const renamed = facts.filter((f) => f.pair.renamedKeys.length);
  if (renamed.length) warn('key-case', `${renamed.length} line(s) name a key in another letter case (${[...new Set(renamed.flatMap((f) => f.pair.renamedKeys))].join(', ')}); they are read as "prompt"/"completion" and --fix renames them.`, renamed.map((f) => f.pair.line));
  const extra = facts.filter((f) => f.pair.extraKeys.length);
  if (extra.length) warn('extra-keys', `${extra.length} line(s) carry keys fine-tuning does not use (${[...new Set(extra.flatMap((f) => f.pair.extraKeys))].map((k) => JSON.stringify(k)).join(', ')}); --fix drops them.`, extra.map((f) => f.pair.line));
  if (completionFacts.length && chatFacts.length) {
    const minority = completionFacts.length >= chatFacts.length ? chatFacts : completionFacts;
    warn('mixed-formats', `The file mixes ${completionFacts.length} prompt/completion line(s) and ${chatFacts.length} chat "messages" line(s); a fine-tuning file takes one format (--fix writes prompt/completion; \`dataset convert\` writes either).`, minority.map((f) => f.pair.line));
  }

  // --- completions: empty, readable
  const empty = lines((f) => f.pair.completion.trim() === '');
  if (empty.length) warn('empty-completion', `${empty.length} completion(s) are empty: the model would learn to answer nothing. Write the entities, or " no entity" for a posting without any; --fix drops them.`, empty);
  const nonEmpty = facts.filter((f) => f.pair.completion.trim() !== '');
  const badFormat = nonEmpty.filter((f) => f.parsed.warnings.length);
  if (badFormat.length)
    warn('completion-format', `${badFormat.length} completion(s) could not be read cleanly as entity lines such as "skills:['python']": ${badFormat.slice(0, 5).map((f) => `line ${f.pair.line}: ${f.parsed.warnings[0]}`).join('; ')}${badFormat.length > 5 ? '; ...' : ''}`, badFormat.map((f) => f.pair.line));

  // --- duplicates: the same posting text twice
  const byText = new Map<string, Facts[]>();
  for (const f of facts) {
    const list = byText.get(f.text) ?? [];
    list.push(f);
    byText.set(f.text, list);
  }
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
      conflictLines.push(...group.map((f) => f.pair.line));
      conflictNotes.push(`lines ${group.map((f) => f.pair.line).join(', ')}`);
    }
  }
  if (dupLines.length) warn('duplicate', `${dupLines.length} duplicate example(s) (${dupNotes.join('; ')}); duplicates weigh an example twice. --fix keeps the first.`, dupLines);
  if (conflictLines.length) warn('conflicting-duplicate', `The same posting text is annotated differently (${conflictNotes.join('; ')}): the model gets contradictory lessons. Keep one annotation of each.`, conflictLines);

  // --- length
  const tooLong = lines((f) => f.tokens > limit);
  if (tooLong.length) warn('too-long', `${tooLong.length} example(s) exceed ${limit} tokens, the context of ${model}; they would be cut or skipped in training. Shorten them to the qualifications; --fix drops them.`, tooLong);

  // --- upper case
  const upper = lines((f) => isMostlyUpperCase(f.text + ' ' + ENTITY_TYPES.flatMap((t) => f.parsed.entities[t]).join(' ')));
  if (upper.length) warn('upper-case', `${upper.length} example(s) are mostly upper-case; models learn lower-case text better and postings are rarely written in capitals. Consider writing them in normal case.`, upper);

  // --- the separator (completion format only: chat lines need none)
  const core = separator.trim() || separator;
  const sepMissing: number[] = [];
  const sepVariant: number[] = [];
  const sepInside: number[] = [];
  for (const f of completionFacts) {
    const p = f.pair.prompt;
    let body = p;
    if (p.endsWith(separator)) body = p.slice(0, -separator.length);
    else if (p.trimEnd().endsWith(core)) {
      sepVariant.push(f.pair.line);
      body = p.trimEnd().slice(0, -core.length);
    } else sepMissing.push(f.pair.line);
    if (body.includes(core)) sepInside.push(f.pair.line);
  }
  const showSep = JSON.stringify(separator);
  if (sepMissing.length) warn('separator-missing', `${sepMissing.length} prompt(s) do not end with the separator ${showSep}; the model cannot tell where the posting ends, and the extension ends every prompt with it. --fix adds it.`, sepMissing);
  if (sepVariant.length) warn('separator-inconsistent', `${sepVariant.length} prompt(s) end with a different variant of the separator than ${showSep}; use exactly the one inference uses. --fix makes them all the same.`, sepVariant);
  if (sepInside.length) warn('separator-in-prompt', `${sepInside.length} prompt(s) contain ${JSON.stringify(core)} before the end; the model may take it for the end of the posting. --fix neutralises it as the extension does at inference.`, sepInside);
  const withSep = completionFacts.filter((f) => f.pair.prompt.endsWith(separator));
  if (separator.length > LONG_SUFFIX_CHARS) warn('separator-long', `The separator ${showSep} is ${separator.length} characters long; a short fixed one such as "\\n\\n###\\n\\n" costs fewer tokens on every example.`, []);
  else if (withSep.length >= 2) {
    const suffix = commonSuffix(withSep.map((f) => f.pair.prompt));
    const extraText = wordAligned(suffix.slice(0, suffix.length - separator.length), 'suffix');
    if (extraText.trim().length >= LONG_SUFFIX_CHARS)
      warn('separator-long', `Every prompt ends with the same ${JSON.stringify(extraText.trim())} before the separator: fixed instructions cost tokens on every example and fine-tuning makes them unnecessary. Remove them.`, withSep.map((f) => f.pair.line));
  }

  // --- the common prompt prefix
  if (completionFacts.length >= 2) {
    const prefix = wordAligned(commonPrefix(completionFacts.map((f) => f.pair.prompt)), 'prefix');
    if (prefix.trim().length >= PREFIX_MIN_CHARS)
      warn('common-prefix', `Every prompt starts with ${JSON.stringify(prefix.trim())}: instructions repeated on each example are unnecessary after fine-tuning and cost tokens. Remove them (the extension sends only the posting text).`, completionFacts.map((f) => f.pair.line));
  }

  // --- the completion ending (stop word), completion format only
  const endingCounts = new Map<string, number[]>();
  for (const f of completionFacts) {
    if (f.pair.completion.trim() === '' || f.ending === null) continue;
    const list = endingCounts.get(f.ending) ?? [];
    list.push(f.pair.line);
    endingCounts.set(f.ending, list);
  }
  const endMissing = lines((f) => f.pair.kind === 'completion' && f.pair.completion.trim() !== '' && f.ending === null);
  if (endMissing.length) warn('ending-missing', `${endMissing.length} completion(s) do not end with the stop word ${JSON.stringify(stop)}; without it the model does not know when to stop. --fix adds it.`, endMissing);
  if (endingCounts.size > 1) {
    const ranked = [...endingCounts.entries()].sort((a, b) => b[1].length - a[1].length);
    const odd = ranked.slice(1).flatMap(([, l]) => l);
    const oddLines = new Set(odd);
    const negOdd = completionFacts.filter((f) => oddLines.has(f.pair.line) && f.parsed.negative).length;
    warn(
      'ending-inconsistent',
      `Completions end in ${ranked.length} different ways: ${ranked.map(([e, l]) => `${JSON.stringify(e)} (${l.length})`).join(', ')}${negOdd === odd.length ? ' — the odd ones are the negatives' : ''}. A model trained on two endings may stop on neither; --fix ends every completion with ${JSON.stringify('\n' + stop)}.`,
      odd,
    );
  }
  const stopCore = stop.trim() || stop;
  const stopInside = lines((f) => f.pair.kind === 'completion' && containsWord(f.body, stopCore));
  if (stopInside.length) warn('ending-in-completion', `${stopInside.length} completion(s) contain the stop word ${JSON.stringify(stopCore)} before their end; the model would stop there and lose the rest.`, stopInside);
  const noSpace = lines((f) => f.pair.kind === 'completion' && f.pair.completion.trim() !== '' && !f.pair.completion.startsWith(' '));
  if (noSpace.length) warn('no-leading-space', `${noSpace.length} completion(s) do not start with a space; tokenizers join a word to the space before it, so every completion should start with one. --fix adds it.`, noSpace);

  // --- negatives and size
  const negatives = nonEmpty.filter((f) => f.parsed.negative).length;
  if (facts.length > 0 && negatives === 0)
    warn('no-negatives', 'No negative examples (" no entity"): add some postings or passages without any diploma, major, experience or skill, or the model will invent entities for them.', []);
  if (facts.length < RECOMMENDED_EXAMPLES)
    warn(
      'few-examples',
      `Only ${facts.length} usable example(s). ${facts.length < MINIMUM_EXAMPLES ? `OpenAI refuses fine-tuning with fewer than ${MINIMUM_EXAMPLES}. ` : ''}Results improve with at least ${RECOMMENDED_EXAMPLES}; each doubling of the data tends to improve quality steadily. Add corrected examples from the extension ("Save as training example").`,
      [],
    );

  // --- values that do not occur in their prompt: likely annotation errors
  const missingNotes: string[] = [];
  const missingLines: number[] = [];
  for (const f of nonEmpty) {
    // Lower case, no white space (display's valueKey): how values are compared with their prompt.
    const hay = valueKey(f.text);
    for (const t of ENTITY_TYPES) {
      for (const v of f.parsed.entities[t]) {
        const needle = valueKey(v);
        if (needle && !hay.includes(needle)) {
          missingLines.push(f.pair.line);
          missingNotes.push(`line ${f.pair.line} ${t} ${JSON.stringify(v)}`);
        }
      }
    }
  }
  if (missingLines.length) warn('value-not-in-prompt', `${missingNotes.length} value(s) do not occur in their prompt (compared ignoring case and spaces), likely annotation errors: ${missingNotes.slice(0, 10).join('; ')}${missingNotes.length > 10 ? '; ...' : ''}.`, missingLines);

  // --- stats
  const entities = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { examples: 0, values: 0 }])) as Record<EntityType, EntityStats>;
  for (const f of nonEmpty) for (const t of ENTITY_TYPES) {
    const n = f.parsed.entities[t].length;
    if (n) {
      entities[t].examples++;
      entities[t].values += n;
    }
  }
  const total = facts.reduce((s, f) => s + f.tokens, 0);
  const stats: DatasetStats = {
    format: read.format,
    usable: facts.length,
    completionFormat: completionFacts.length,
    chatFormat: chatFacts.length,
    positives: nonEmpty.length - negatives,
    negatives,
    entities,
    tokens: { max: Math.max(0, ...facts.map((f) => f.tokens)), mean: facts.length ? Math.round(total / facts.length) : 0, total, limit },
    model,
    endings: Object.fromEntries([...endingCounts.entries()].map(([e, l]) => [e, l.length])),
  };

  warnings.sort((a, b) => CHECK_IDS.indexOf(a.check) - CHECK_IDS.indexOf(b.check));
  return { examples: read.examples.length + read.errors.length, errors, warnings, fixes: fixDataset(read, opts).fixes, stats };
}

function describe(pair: Pair, separator: string, stop: string): Facts {
  const parsed = parseCompletion(pair.completion, { stop });
  const text = promptText(pair.prompt, separator);
  const tokens = pairTokens(pair);
  let ending: string | null = null;
  let body = pair.completion;
  if (pair.kind === 'completion') {
    const m = endingPattern(stop).exec(pair.completion);
    if (m) {
      ending = m[0];
      body = pair.completion.slice(0, m.index);
    }
  }
  return { pair, parsed, text, tokens, ending, body };
}

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
