// A structured averaged perceptron over BIO tags with first-order Viterbi decoding (tag-decoding.ts).
// Scores are sums of per-tag feature weights plus a tag-transition weight; an I- tag may only
// follow a B- or I- tag of the same label, which Viterbi enforces. Weights are averaged over
// all updates (the usual cure for the perceptron's late-example bias), then pruned and
// quantized to integers for a small model file.

import { seededRandom, shuffleInPlace } from '../random';
import { decode, emissionScores, type TaggerWeights } from './tag-decoding';

export { allowedTransition, decode, emissionScores, marginals, type TaggerWeights } from './tag-decoding';

export interface TrainingSequence {
  features: string[][];
  tags: string[];
}

export interface TrainOptions {
  epochs?: number;
  seed?: number;
}

export function trainTagger(
  data: readonly TrainingSequence[],
  tags: readonly string[],
  options: TrainOptions = {},
): TaggerWeights {
  const epochs = options.epochs ?? 10;
  const random = seededRandom(options.seed ?? 1);
  const T = tags.length;
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const w = new Map<string, Float64Array>();
  const acc = new Map<string, Float64Array>(); // sum of step * update, for averaging
  const trans = Array.from({ length: T + 1 }, () => new Float64Array(T));
  const transAcc = Array.from({ length: T + 1 }, () => new Float64Array(T));
  let step = 1;
  const view = { tags: [...tags], transitions: trans as unknown as number[][] };

  const bump = (f: string, t: number, by: number) => {
    let row = w.get(f);
    if (!row) {
      row = new Float64Array(T);
      w.set(f, row);
      acc.set(f, new Float64Array(T));
    }
    row[t] += by;
    acc.get(f)![t] += step * by;
  };

  const order = data.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    shuffleInPlace(order, random);
    for (const k of order) {
      const seq = data[k];
      const gold = seq.tags.map((t) => {
        const i = tagIndex.get(t);
        if (i === undefined) throw new Error(`unknown tag ${t}`);
        return i;
      });
      const guess = decode(
        view,
        emissionScores((f) => w.get(f), T, seq.features),
      );
      let prevG = T;
      let prevP = T;
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i];
        const p = guess[i];
        if (g !== p) {
          for (const f of seq.features[i]) {
            bump(f, g, 1);
            bump(f, p, -1);
          }
        }
        if (g !== p || prevG !== prevP) {
          trans[prevG][g] += 1;
          transAcc[prevG][g] += step;
          trans[prevP][p] -= 1;
          transAcc[prevP][p] -= step;
        }
        prevG = g;
        prevP = p;
      }
      step++;
    }
  }
  const features = new Map<string, Float64Array>();
  for (const [f, row] of w) {
    const a = acc.get(f)!;
    features.set(
      f,
      row.map((v, t) => v - a[t] / step),
    );
  }
  const transitions = trans.map((row, p) => Array.from(row, (v, t) => v - transAcc[p][t] / step));
  return { tags: [...tags], transitions, features };
}

/** The mean of several taggers' weights (same tags). */
export function averageWeights(all: readonly TaggerWeights[]): TaggerWeights {
  if (all.length === 1) return all[0];
  const T = all[0].tags.length;
  const features = new Map<string, Float64Array>();
  for (const w of all) {
    for (const [f, row] of w.features) {
      const sum = features.get(f) ?? new Float64Array(T);
      for (let t = 0; t < T; t++) sum[t] += row[t] / all.length;
      features.set(f, sum);
    }
  }
  const transitions = all[0].transitions.map((r, p) =>
    r.map((_, t) => all.reduce((a, w) => a + w.transitions[p][t], 0) / all.length),
  );
  return { tags: [...all[0].tags], transitions, features };
}

/** Tags one sentence given its observation features. */
export function tagSequence(weights: TaggerWeights, features: string[][]): string[] {
  const T = weights.tags.length;
  return decode(
    weights,
    emissionScores((f) => weights.features.get(f), T, features),
  ).map((i) => weights.tags[i]);
}

export interface CompactWeights {
  tags: string[];
  /** Integer weights: real weight = value / scale. */
  scale: number;
  transitions: number[][];
  /** feature -> integer weight per tag. */
  features: Record<string, number[]>;
}

/**
 * Drops features whose largest weight is below `minWeight` (they rarely change a decision)
 * and rounds the rest to integers at `scale` steps per unit.
 */
export function compactWeights(weights: TaggerWeights, minWeight: number, scale: number): CompactWeights {
  const features: Record<string, number[]> = {};
  for (const [f, row] of weights.features) {
    let max = 0;
    for (const v of row) max = Math.max(max, Math.abs(v));
    if (max < minWeight) continue;
    const q = Array.from(row, (v) => Math.round(v * scale));
    if (q.some((v) => v !== 0)) features[f] = q;
  }
  return {
    tags: [...weights.tags],
    scale,
    transitions: weights.transitions.map((r) => r.map((v) => Math.round(v * scale))),
    features,
  };
}

export function expandWeights(c: CompactWeights): TaggerWeights {
  const features = new Map<string, Float64Array>();
  for (const [f, row] of Object.entries(c.features))
    features.set(
      f,
      Float64Array.from(row, (v) => v / c.scale),
    );
  return { tags: [...c.tags], transitions: c.transitions.map((r) => r.map((v) => v / c.scale)), features };
}
