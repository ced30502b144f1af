// The prepared dataset `dataset check --fix OUT` writes: prompt/completion JSONL in exactly the
// form the extension uses at inference. Prompts are rebuilt with buildPrompt (the text on one
// line, the separator once at the end, separator and stop word neutralised inside), completions
// with serializeCompletion (leading space, one ending, negatives in one form). Lines that cannot
// become a good example are dropped; every change is listed.
import { ENTITY_TYPES, isEmpty, type Entities, type EntityType } from '../entities';
import { parseCompletion, serializeCompletion } from '../completion';
import { buildPrompt, SEPARATOR, STOP } from '../prompt';
import { contextTokensFor } from '../models';
import { duplicateKey, pairTokens, promptText, toPair } from './pairs';
import type { Example, ReadResult } from './read';

export const FIX_IDS = [
  'drop-unreadable', // the line could not be read (bad JSON, broken row)
  'drop-invalid', // no prompt/completion, or not text
  'drop-empty-completion',
  'drop-unparseable-completion', // no entity line could be read from it
  'drop-too-long',
  'drop-duplicate',
  'rename-keys',
  'drop-extra-keys',
  'convert-chat', // a chat line turned into prompt/completion
  'rewrite-prompt',
  'rewrite-completion',
] as const;
export type FixId = (typeof FIX_IDS)[number];

export interface Fix {
  fix: FixId;
  message: string;
  lines: number[];
}

export interface FixOptions {
  /** The base model to fine-tune: sets the length limit. Default davinci-002 (the seed's method). */
  model?: string;
  /** Overrides the model's context size. */
  contextTokens?: number;
  separator?: string;
  stop?: string;
}

export interface FixResult {
  /** The prepared records in file order. */
  records: { prompt: string; completion: string }[];
  /** The line each record came from. */
  sourceLines: number[];
  fixes: Fix[];
}

const MESSAGES: Record<FixId, (n: number) => string> = {
  'drop-unreadable': (n) => `dropped ${n} unreadable line(s)`,
  'drop-invalid': (n) => `dropped ${n} line(s) without a usable prompt and completion`,
  'drop-empty-completion': (n) => `dropped ${n} example(s) with an empty completion`,
  'drop-unparseable-completion': (n) => `dropped ${n} example(s) whose completion holds no readable entity line`,
  'drop-too-long': (n) => `dropped ${n} example(s) longer than the model's context`,
  'drop-duplicate': (n) => `dropped ${n} duplicate example(s) (the first copy is kept)`,
  'rename-keys': (n) => `renamed keys written in another letter case on ${n} line(s)`,
  'drop-extra-keys': (n) => `dropped keys other than prompt/completion on ${n} line(s)`,
  'convert-chat': (n) => `converted ${n} chat line(s) to prompt/completion`,
  'rewrite-prompt': (n) =>
    `rewrote ${n} prompt(s): text on one line, the separator exactly once at the end, the separator and stop word neutralised inside`,
  'rewrite-completion': (n) =>
    `rewrote ${n} completion(s): leading space, entity lines in the standard form, one ending, negatives in one form`,
};

export function fixDataset(input: ReadResult | Example[], opts: FixOptions = {}): FixResult {
  const read: ReadResult = Array.isArray(input) ? { format: 'jsonl', examples: input, errors: [] } : input;
  const separator = opts.separator ?? SEPARATOR;
  const stop = opts.stop ?? STOP;
  const limit = contextTokensFor(opts.model ?? 'davinci-002', opts.contextTokens);
  const hits = new Map<FixId, number[]>();
  const hit = (id: FixId, line: number) => {
    const lines = hits.get(id);
    if (lines) lines.push(line);
    else hits.set(id, [line]);
  };
  for (const e of read.errors) hit('drop-unreadable', e.line);

  const records: FixResult['records'] = [];
  const sourceLines: number[] = [];
  const seen = new Set<string>();
  for (const ex of [...read.examples].sort((a, b) => a.line - b.line)) {
    const r = toPair(ex);
    if (!r.ok) {
      hit('drop-invalid', r.line);
      continue;
    }
    const { pair } = r;
    const line = pair.line;
    if (pair.completion.trim() === '') {
      hit('drop-empty-completion', line);
      continue;
    }
    const parsed = parseCompletion(pair.completion, { stop });
    const hasValues = ENTITY_TYPES.some((t) => parsed.entities[t].length > 0);
    if (!hasValues && !parsed.negative) {
      hit('drop-unparseable-completion', line);
      continue;
    }
    if (pairTokens(pair) > limit) {
      hit('drop-too-long', line);
      continue;
    }
    const prompt = buildPrompt(pair.prompt, { separator, stop });
    const completion = preparedCompletion(parsed.entities, parsed.order, stop);
    const key = duplicateKey(promptText(pair.prompt, separator), parsed.entities);
    if (seen.has(key)) {
      hit('drop-duplicate', line);
      continue;
    }
    seen.add(key);
    if (pair.renamedKeys.length) hit('rename-keys', line);
    if (pair.extraKeys.length && pair.kind === 'completion') hit('drop-extra-keys', line);
    if (pair.kind === 'chat') hit('convert-chat', line);
    else {
      if (prompt !== pair.prompt) hit('rewrite-prompt', line);
      if (completion !== pair.completion) hit('rewrite-completion', line);
    }
    records.push({ prompt, completion });
    sourceLines.push(line);
  }
  const fixes = FIX_IDS.filter((id) => hits.has(id)).map((id) => {
    const lines = [...new Set(hits.get(id))].sort((a, b) => a - b);
    return { fix: id, message: MESSAGES[id](lines.length), lines };
  });
  return { records, sourceLines, fixes };
}

/**
 * A completion in the prepared form. Positives are exactly serializeCompletion's; the negative is
 * " no entity" with the positives' ending ("\n END") rather than serializeCompletion's seed form
 * " no entity\n , END", because a prepared file has ONE ending on every completion (the checker
 * reports two endings as `ending-inconsistent`). parseCompletion reads both forms as the negative.
 */
export function preparedCompletion(entities: Entities, order: EntityType[] = [], stop: string = STOP): string {
  if (isEmpty(entities)) return ` no entity\n${stop}`;
  return serializeCompletion(entities, { order, stop });
}

/** JSONL text of prepared records (one object per line, a final newline). */
export function toJsonl(records: object[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
}
