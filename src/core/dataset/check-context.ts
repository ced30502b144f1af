// What every dataset check reads (CheckContext) and the small helpers they share to report warnings.
import type { CheckId, Facts, Warning } from './check';

export const RECOMMENDED_EXAMPLES = 100;
/** OpenAI refuses fine-tuning jobs with fewer examples. */
export const MINIMUM_EXAMPLES = 10;

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

export function warning(check: CheckId, message: string, lines: number[]): Warning {
  return { check, message, lines: [...new Set(lines)].sort((a, b) => a - b) };
}

/** A warning when any line matches. */
export function when(check: CheckId, lines: number[], message: (n: number) => string): Warning[] {
  return lines.length ? [warning(check, message(lines.length), lines)] : [];
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const linesOf = (facts: Facts[], pred: (f: Facts) => boolean = () => true) =>
  facts.filter(pred).map((f) => f.pair.line);
export const isBlank = (f: Facts) => f.pair.completion.trim() === '';
export const isCompletion = (f: Facts) => f.pair.kind === 'completion';
