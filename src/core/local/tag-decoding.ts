// Decoding over the tag chain: Viterbi for the best tag sequence and forward-backward for each
// token's tag posteriors, both from per-tag feature scores plus tag-transition weights. An I- tag
// may only follow a B- or I- tag of the same label.

export interface TaggerWeights {
  tags: string[];
  /** (tags + 1) x tags: row `tags.length` is the sentence start. */
  transitions: number[][];
  /** feature -> one weight per tag. */
  features: Map<string, Float64Array>;
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
