// A structured averaged perceptron over BIO tags with first-order Viterbi decoding.
// Scores are sums of per-tag feature weights plus a tag-transition weight; an I- tag may only
// follow a B- or I- tag of the same label, which Viterbi enforces. Weights are averaged over
// all updates (the usual cure for the perceptron's late-example bias), then pruned and
// quantized to integers for a small model file.

import { seededRandom, shuffleInPlace } from '../random';

export interface TaggerWeights {
  tags: string[];
  /** (tags + 1) x tags: row `tags.length` is the sentence start. */
  transitions: number[][];
  /** feature -> one weight per tag. */
  features: Map<string, Float64Array>;
}

export interface TrainingSequence {
  features: string[][];
  tags: string[];
}

export interface TrainOptions {
  epochs?: number;
  seed?: number;
}

/** Whether tag `to` may follow tag `from` (undefined = sentence start). */
export function allowedTransition(from: string | undefined, to: string): boolean {
  if (!to.startsWith('I-')) return true;
  return from !== undefined && from !== 'O' && from.slice(2) === to.slice(2);
}

/** Viterbi decoding: the best tag index sequence for one sentence. */
export function decode(weights: Pick<TaggerWeights, 'tags' | 'transitions'>, emissions: Float64Array[]): number[] {
  const T = weights.tags.length;
  const n = emissions.length;
  if (n === 0) return [];
  const allowed: boolean[][] = [];
  for (let p = 0; p <= T; p++)
    allowed.push(weights.tags.map((t) => allowedTransition(p === T ? undefined : weights.tags[p], t)));
  let score = new Float64Array(T);
  const back: Int32Array[] = [];
  for (let t = 0; t < T; t++) score[t] = allowed[T][t] ? weights.transitions[T][t] + emissions[0][t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const next = new Float64Array(T);
    const bp = new Int32Array(T);
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!allowed[p][t]) continue;
        const s = score[p] + weights.transitions[p][t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      next[t] = best + emissions[i][t];
      bp[t] = arg;
    }
    back.push(bp);
    score = next;
  }
  let last = 0;
  for (let t = 1; t < T; t++) if (score[t] > score[last]) last = t;
  const path = [last];
  for (let i = n - 2; i >= 0; i--) path.push(back[i][path[path.length - 1]]);
  return path.reverse();
}

/** Per-token tag scores from feature weights. */
export function emissionScores(
  lookup: (feature: string) => ArrayLike<number> | undefined,
  T: number,
  features: string[][],
): Float64Array[] {
  return features.map((fs) => {
    const s = new Float64Array(T);
    for (const f of fs) {
      const w = lookup(f);
      if (w) for (let t = 0; t < T; t++) s[t] += w[t];
    }
    return s;
  });
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

/**
 * Per-token tag posteriors: forward-backward over the same scores Viterbi maximises, read as
 * log-potentials divided by `temperature` (a linear-chain CRF view of the perceptron). Row i
 * gives P(tag at i = t | sentence) for each t; disallowed transitions have probability 0.
 */
export function marginals(
  weights: Pick<TaggerWeights, 'tags' | 'transitions'>,
  emissions: Float64Array[],
  temperature = 1,
): Float64Array[] {
  const T = weights.tags.length;
  const n = emissions.length;
  if (n === 0) return [];
  const inv = 1 / temperature;
  // Probability space with per-step normalisation (scaled forward-backward): a few multiplications
  // per tag pair instead of a log-sum-exp, which keeps it well under the Viterbi pass's cost.
  let tMax = -Infinity;
  for (const row of weights.transitions) for (const v of row) tMax = Math.max(tMax, v * inv);
  const trans: Float64Array[] = [];
  for (let p = 0; p <= T; p++) {
    const row = new Float64Array(T);
    for (let t = 0; t < T; t++)
      row[t] = allowedTransition(p === T ? undefined : weights.tags[p], weights.tags[t])
        ? Math.exp(weights.transitions[p][t] * inv - tMax)
        : 0;
    trans.push(row);
  }
  const emit = emissions.map((e) => {
    let m = -Infinity;
    for (const v of e) m = Math.max(m, v);
    return Float64Array.from(e, (v) => Math.exp((v - m) * inv));
  });
  const alpha: Float64Array[] = new Array(n);
  let a = new Float64Array(T);
  let z = 0;
  for (let t = 0; t < T; t++) z += a[t] = trans[T][t] * emit[0][t];
  for (let t = 0; t < T; t++) a[t] /= z;
  alpha[0] = a;
  for (let i = 1; i < n; i++) {
    const next = new Float64Array(T);
    z = 0;
    for (let t = 0; t < T; t++) {
      let sum = 0;
      for (let p = 0; p < T; p++) sum += a[p] * trans[p][t];
      z += next[t] = sum * emit[i][t];
    }
    for (let t = 0; t < T; t++) next[t] /= z;
    alpha[i] = next;
    a = next;
  }
  const out: Float64Array[] = new Array(n);
  let b = new Float64Array(T).fill(1);
  for (let i = n - 1; i >= 0; i--) {
    if (i < n - 1) {
      const prev = new Float64Array(T);
      let zb = 0;
      for (let p = 0; p < T; p++) {
        let sum = 0;
        for (let t = 0; t < T; t++) sum += trans[p][t] * emit[i + 1][t] * b[t];
        zb += prev[p] = sum;
      }
      for (let p = 0; p < T; p++) prev[p] /= zb;
      b = prev;
    }
    const post = new Float64Array(T);
    let s = 0;
    for (let t = 0; t < T; t++) s += post[t] = alpha[i][t] * b[t];
    for (let t = 0; t < T; t++) post[t] = s > 0 ? post[t] / s : 0;
    out[i] = post;
  }
  return out;
}
