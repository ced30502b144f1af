// k-fold cross-validation over documents: each document is held out exactly once, folds are
// a seeded shuffle (the same seed gives the same folds), and sentences of one document never
// straddle train and test.
import type { Entities } from '../entities';
import { sentencesToEntities, type LabelledDoc } from './corpus';
import {
  findValues,
  findValuesInText,
  loadModel,
  trainLocalModel,
  type FoundValue,
  type TrainLocalOptions,
} from './model';
import { showValues } from './results';
import { seededRandom, shuffleInPlace } from '../random';

/**
 * Document indices per fold. With `groups` (a group id per document), documents of one group
 * always land in the same fold; groups are dealt in seeded random order to the smallest fold.
 */
export function splitFolds(documentCount: number, k: number, seed: number, groups?: readonly number[]): number[][] {
  if (!Number.isInteger(k) || k < 2 || k > documentCount)
    throw new Error(`k must be between 2 and the number of documents (${documentCount}), got ${k}`);
  const groupOf = groups ?? Array.from({ length: documentCount }, (_, i) => i);
  const members = new Map<number, number[]>();
  for (let d = 0; d < documentCount; d++) {
    const g = groupOf[d];
    members.set(g, [...(members.get(g) ?? []), d]);
  }
  const order = shuffleInPlace(
    [...members.keys()].sort((a, b) => a - b),
    seededRandom(seed),
  );
  const folds: number[][] = Array.from({ length: k }, () => []);
  for (const g of order) {
    let smallest = 0;
    for (let f = 1; f < k; f++) if (folds[f].length < folds[smallest].length) smallest = f;
    folds[smallest].push(...members.get(g)!);
  }
  return folds.map((f) => f.sort((a, b) => a - b));
}

/**
 * Groups near-duplicate documents (the corpus holds the same posting more than once): two
 * documents whose word-trigram sets overlap by at least `threshold` (relative to the smaller
 * one) share a group. Cross-validation that kept copies apart would score memory, not skill.
 */
export function nearDuplicateGroups(docs: readonly LabelledDoc[], threshold = 0.78): number[] {
  const grams = docs.map((d) => {
    const words = d.sentences.flatMap((s) => s.tokens.map((t) => t.toLowerCase()));
    const set = new Set<string>();
    for (let i = 0; i + 2 < words.length; i++) set.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
    return set;
  });
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const [a, b] = grams[i].size <= grams[j].size ? [grams[i], grams[j]] : [grams[j], grams[i]];
      if (a.size === 0) continue;
      let shared = 0;
      for (const g of a) if (b.has(g)) shared++;
      if (shared / a.size >= threshold) parent[find(j)] = find(i);
    }
  }
  return docs.map((_, i) => find(i));
}

export interface CrossValidationRun {
  folds: number[][];
  /** Per document, in document order. */
  gold: Entities[];
  /** What the provider would show, at the threshold asked for (the model's own by default). */
  predicted: Entities[];
  /** Every value found in each held-out document with its confidence, before the threshold. */
  found: FoundValue[][];
}

/**
 * Trains on k-1 folds and predicts each held-out document from its labelled tokens, or, when
 * `texts` gives a document's raw posting text, from that text (tokenizer and sentence
 * splitting included, as the provider runs). Documents with `texts[d] === undefined` are
 * dropped from a text run. Predictions go through the provider's own sanity checks, grouping
 * and threshold (`threshold`, else each fold model's).
 */
export function crossValidate(
  docs: readonly LabelledDoc[],
  k: number,
  seed: number,
  options: TrainLocalOptions & { threshold?: number; temperature?: number } = {},
  groups?: readonly number[],
  texts?: ReadonlyArray<string | undefined>,
): CrossValidationRun {
  const folds = splitFolds(docs.length, k, seed, groups);
  const gold = docs.map((d) => sentencesToEntities(d.sentences));
  const found: FoundValue[][] = new Array(docs.length);
  let threshold = options.threshold;
  for (const fold of folds) {
    const held = new Set(fold);
    const model = loadModel(
      trainLocalModel(
        docs.filter((_, i) => !held.has(i)),
        options,
      ),
    );
    if (options.temperature !== undefined) model.temperature = options.temperature;
    threshold ??= model.threshold;
    for (const d of fold) {
      const text = texts?.[d];
      if (texts === undefined)
        found[d] = findValues(
          model,
          docs[d].sentences.map((s) => s.tokens),
        );
      else if (text !== undefined) found[d] = findValuesInText(model, text);
    }
  }
  const kept = docs.map((_, d) => d).filter((d) => texts === undefined || texts[d] !== undefined);
  return {
    folds,
    gold: kept.map((d) => gold[d]),
    found: kept.map((d) => found[d]),
    predicted: kept.map((d) => showValues(found[d], threshold ?? 0).entities),
  };
}
