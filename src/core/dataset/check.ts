// The dataset checker: every check OpenAI's removed `prepare_data` tool made, rebuilt for this
// project's format, plus the ones entity annotation needs (values missing from their prompt).
// Errors make a dataset unusable (a fine-tuning job would fail); warnings are worth a look and
// most are repaired by `--fix` (see fix.ts, whose planned fixes the report lists).
import { ENTITY_TYPES, type EntityType } from '../entities';
import { parseCompletion, type ParsedCompletion } from '../completion';
import { SEPARATOR, STOP } from '../prompt';
import { contextTokensFor } from '../models';
import { pairTokens, promptText, toPair, type Pair } from './pairs';
import type { Example, ReadError, ReadResult } from './read';
import { fixDataset, type Fix, type FixOptions } from './fix';
import { endingPattern } from './ending';
import { CHECKS, isBlank, isCompletion, pushTo, type CheckContext } from './checks';

export { CHECKS, MINIMUM_EXAMPLES, RECOMMENDED_EXAMPLES, type Check, type CheckContext } from './checks';

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

/** The checker is told what the fixer is: it runs the fixer to preview the changes --fix makes. */
export type CheckOptions = FixOptions;

export const DEFAULT_CHECK_MODEL = 'davinci-002';

/** Per-example facts computed once and shared by the checks. */
export interface Facts {
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
  const errors: ReadError[] = [...read.errors];
  const facts: Facts[] = [];
  const separator = opts.separator ?? SEPARATOR;
  const stop = opts.stop ?? STOP;
  for (const ex of read.examples) {
    const r = toPair(ex);
    if (!r.ok) errors.push({ line: r.line, message: r.message });
    else facts.push(describe(r.pair, separator, stop));
  }
  errors.sort((a, b) => a.line - b.line);
  const ctx = checkContext(facts, opts);
  const warnings = Object.values(CHECKS).flatMap((check) => check(ctx));
  warnings.sort((a, b) => CHECK_IDS.indexOf(a.check) - CHECK_IDS.indexOf(b.check));
  return {
    examples: read.examples.length + read.errors.length,
    errors,
    warnings,
    fixes: fixDataset(read, opts).fixes,
    stats: datasetStats(ctx, read.format),
  };
}

export function checkContext(facts: Facts[], opts: CheckOptions = {}): CheckContext {
  const model = opts.model ?? DEFAULT_CHECK_MODEL;
  const completionFacts = facts.filter(isCompletion);
  const endings = new Map<string, number[]>();
  for (const f of completionFacts) {
    if (isBlank(f) || f.ending === null) continue;
    pushTo(endings, f.ending, f.pair.line);
  }
  return {
    facts,
    completionFacts,
    chatFacts: facts.filter((f) => f.pair.kind === 'chat'),
    nonEmpty: facts.filter((f) => !isBlank(f)),
    separator: opts.separator ?? SEPARATOR,
    stop: opts.stop ?? STOP,
    model,
    limit: contextTokensFor(model, opts.contextTokens),
    endings,
  };
}

function datasetStats(ctx: CheckContext, format: string | undefined): DatasetStats {
  const { facts, nonEmpty } = ctx;
  const entities = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { examples: 0, values: 0 }])) as Record<
    EntityType,
    EntityStats
  >;
  for (const f of nonEmpty)
    for (const t of ENTITY_TYPES) {
      const n = f.parsed.entities[t].length;
      if (n) {
        entities[t].examples++;
        entities[t].values += n;
      }
    }
  const negatives = nonEmpty.filter((f) => f.parsed.negative).length;
  const total = facts.reduce((s, f) => s + f.tokens, 0);
  return {
    format,
    usable: facts.length,
    completionFormat: ctx.completionFacts.length,
    chatFormat: ctx.chatFacts.length,
    positives: nonEmpty.length - negatives,
    negatives,
    entities,
    tokens: {
      max: Math.max(0, ...facts.map((f) => f.tokens)),
      mean: facts.length ? Math.round(total / facts.length) : 0,
      total,
      limit: ctx.limit,
    },
    model: ctx.model,
    endings: Object.fromEntries([...ctx.endings.entries()].map(([e, l]) => [e, l.length])),
  };
}

export function describe(pair: Pair, separator: string, stop: string): Facts {
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
