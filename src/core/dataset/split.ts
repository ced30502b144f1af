// A deterministic train/validation split: the same file and seed give the same split on every
// machine. Positives and negatives are split separately so both sides keep the negatives' share.
import { parseCompletion } from '../completion';
import { seededRandom, shuffleInPlace } from '../random';
import { toPair } from './pairs';
import type { Example } from './read';

export interface SplitResult {
  train: Example[];
  valid: Example[];
}

function shuffled<T>(items: T[], random: () => number): T[] {
  return shuffleInPlace([...items], random);
}

function isNegative(ex: Example): boolean {
  const r = toPair(ex);
  return r.ok && parseCompletion(r.pair.completion).negative;
}

/**
 * Split examples into train and validation: `valid` is the validation share (0 < valid < 1),
 * rounded per group (negatives, positives) with at least one validation example when the group has
 * two or more. Each side keeps the file's order.
 */
export function splitDataset(examples: Example[], opts: { valid: number; seed: number }): SplitResult {
  if (!(opts.valid > 0 && opts.valid < 1))
    throw new RangeError(`The validation share must be between 0 and 1 (exclusive), got ${opts.valid}.`);
  const random = seededRandom(opts.seed);
  const chosen = new Set<Example>();
  const groups = [examples.filter((e) => isNegative(e)), examples.filter((e) => !isNegative(e))];
  for (const group of groups) {
    if (group.length === 0) continue;
    let n = Math.round(group.length * opts.valid);
    if (n === 0 && group.length >= 2) n = 1;
    if (n >= group.length) n = group.length - 1;
    for (const ex of shuffled(group, random).slice(0, n)) chosen.add(ex);
  }
  return { train: examples.filter((e) => !chosen.has(e)), valid: examples.filter((e) => chosen.has(e)) };
}
