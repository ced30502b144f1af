// Scoring predictions against gold labels, per entity type and averaged (CLI `eval`, cross-validation).
import { valueKey } from './display';
import { ENTITY_TYPES, type Entities, type EntityType } from './entities';

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  perType: Record<EntityType, TypeScore>;
  /** Counts summed over the four types, then P/R/F1 of the sums. */
  micro: TypeScore;
  /** Unweighted mean of the four types' P/R/F1. */
  macro: { precision: number; recall: number; f1: number };
}

/** Values match ignoring case and ALL white space (display's valueKey): `C#` = `c #`, `2+ years` = `2 + years`. */
export const matchKey = valueKey;

/** True positives of one document and type: the multiset intersection size. */
function overlap(gold: string[], predicted: string[]): number {
  const counts = new Map<string, number>();
  for (const g of gold) counts.set(matchKey(g), (counts.get(matchKey(g)) ?? 0) + 1);
  let tp = 0;
  for (const p of predicted) {
    const k = matchKey(p);
    const n = counts.get(k) ?? 0;
    if (n > 0) {
      tp++;
      counts.set(k, n - 1);
    }
  }
  return tp;
}

/**
 * P/R/F1 from counts. 0/0 is defined so that agreeing on "nothing" is perfect and missing
 * something is not: precision with no prediction is 1 when there was also nothing to find
 * (fn = 0), else 0; recall with nothing to find is 1 when nothing was predicted (fp = 0), else 0;
 * F1 is 0 when P + R = 0. So a type absent from both gold and predictions scores 1/1/1.
 */
export function typeScore(tp: number, fp: number, fn: number): TypeScore {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function scoreEntities(gold: Entities[], predicted: Entities[]): Scores {
  if (gold.length !== predicted.length) {
    throw new RangeError(
      `scoreEntities needs one prediction per gold record (${gold.length} gold, ${predicted.length} predicted).`,
    );
  }
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    EntityType,
    { tp: number; fp: number; fn: number }
  >;
  gold.forEach((g, i) => {
    const p = predicted[i];
    for (const t of ENTITY_TYPES) {
      const tp = overlap(g[t], p[t]);
      counts[t].tp += tp;
      counts[t].fp += p[t].length - tp;
      counts[t].fn += g[t].length - tp;
    }
  });
  const perType = Object.fromEntries(
    ENTITY_TYPES.map((t) => [t, typeScore(counts[t].tp, counts[t].fp, counts[t].fn)]),
  ) as Record<EntityType, TypeScore>;
  const sum = (k: 'tp' | 'fp' | 'fn') => ENTITY_TYPES.reduce((a, t) => a + counts[t][k], 0);
  const micro = typeScore(sum('tp'), sum('fp'), sum('fn'));
  const mean = (k: 'precision' | 'recall' | 'f1') =>
    ENTITY_TYPES.reduce((a, t) => a + perType[t][k], 0) / ENTITY_TYPES.length;
  return { perType, micro, macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') } };
}

/** A plain-text table: one row per type, then micro and macro averages. */
export function formatScores(s: Scores): string {
  const head = ['', 'gold', 'predicted', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1'];
  const f = (x: number) => x.toFixed(3);
  const row = (name: string, t: TypeScore) => [
    name,
    String(t.tp + t.fn),
    String(t.tp + t.fp),
    String(t.tp),
    String(t.fp),
    String(t.fn),
    f(t.precision),
    f(t.recall),
    f(t.f1),
  ];
  const rows = [
    head,
    ...ENTITY_TYPES.map((t) => row(t, s.perType[t])),
    row('micro', s.micro),
    ['macro', '', '', '', '', '', f(s.macro.precision), f(s.macro.recall), f(s.macro.f1)],
  ];
  const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
