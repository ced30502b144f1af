// A deterministic train/validation split: the same file and seed give the same split on every
// machine. Positives and negatives are split separately so both sides keep the negatives' share.
import { parseCompletion } from '../completion';
import { toPair } from './pairs';
import type { Example } from './read';

export interface SplitResult {
  train: Example[];
  valid: Example[];
}

/** mulberry32: a tiny, well-mixed 32-bit PRNG; plenty for shuffling a dataset. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
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
  if (!(opts.valid > 0 && opts.valid < 1)) throw new RangeError(`The validation share must be between 0 and 1 (exclusive), got ${opts.valid}.`);
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
