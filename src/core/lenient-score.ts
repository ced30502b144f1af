// Lenient scoring of whole postings (`npm run eval:pages`): a predicted value matches a gold value
// of its type when one's words contain the other's, or when they share at least half of the
// longer one's words. Exact scoring (score.ts) suits the clean snippets, whose gold is in the
// annotator's token form; on whole pages the gold is written by a reader, so `Postgres` must
// match `postgres or other relational databases` and `5+ years` must match `5 + years`.
// Shown values are counted once each (the popup groups repeats), and the junk rate is the share
// of shown values that match no gold value of ANY type: what a user sees as noise.
import { valueKey } from './display';
import { ENTITY_TYPES, type Entities, type EntityType } from './entities';
import { distinctByKey } from './match/normalize';
import { typeScore, type TypeScore } from './score';

/** Words that never make two values the same thing on their own. */
const STOP = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'in',
  'on',
  'for',
  'to',
  'with',
  'at',
  'by',
  'as',
  'is',
  'are',
  'be',
  'your',
  'our',
  'other',
  'etc',
  'e.g',
  'i.e',
  'experience',
  'skills',
  'skill',
  'knowledge',
]);

/** The comparable words of a value: lower case, tokenizer spaces before `+`/`#` removed, stop words out. */
export function valueWords(value: string): Set<string> {
  const s = value.toLowerCase().replace(/\s+([+#])/g, '$1');
  const words = s.match(/[\p{L}\p{N}][\p{L}\p{N}+#.'’]*/gu) ?? [];
  // Possessive and plural endings do not make another value (`bachelor's` = `bachelors` = `bachelor`).
  const base = (w: string) =>
    w
      .replace(/[.'’]+$/u, '')
      .replace(/['’]s$/u, '')
      .replace(/^(.{3,}[^s])s$/u, '$1');
  return new Set(words.map(base).filter((w) => w && !STOP.has(w)));
}

/** True when the two values are the same entity under lenient matching. */
export function lenientMatch(a: string, b: string): boolean {
  const A = valueWords(a);
  const B = valueWords(b);
  if (A.size === 0 || B.size === 0) return false;
  let shared = 0;
  for (const w of A) if (B.has(w)) shared++;
  return shared === A.size || shared === B.size || shared * 2 >= Math.max(A.size, B.size);
}

export interface LenientScores {
  perType: Record<EntityType, TypeScore>;
  micro: TypeScore;
  /** Shown values (distinct per posting) that match no gold value of any type. */
  junk: { shown: number; unmatched: number; rate: number };
}

/** Distinct values (case and white space ignored), first spelling kept. */
function distinct(values: readonly string[]): string[] {
  return distinctByKey(values, valueKey);
}

/**
 * Precision counts shown values that match a gold value of their type; recall counts gold values
 * matched by a shown value of their type (so one broad value may cover several gold values, and
 * several shown values one gold value, as a reader would judge).
 */
export function scoreLenient(gold: readonly Entities[], predicted: readonly Entities[]): LenientScores {
  if (gold.length !== predicted.length)
    throw new RangeError(
      `scoreLenient needs one prediction per gold posting (${gold.length} gold, ${predicted.length} predicted).`,
    );
  const c = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0, goldHit: 0, gold: 0 }])) as Record<
    EntityType,
    { tp: number; fp: number; fn: number; goldHit: number; gold: number }
  >;
  let shown = 0;
  let unmatched = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    const allGold = ENTITY_TYPES.flatMap((t) => distinct(g[t]));
    for (const t of ENTITY_TYPES) {
      const gs = distinct(g[t]);
      const ps = distinct(p[t]);
      for (const v of ps) {
        shown++;
        if (gs.some((x) => lenientMatch(v, x))) c[t].tp++;
        else c[t].fp++;
        if (!allGold.some((x) => lenientMatch(v, x))) unmatched++;
      }
      for (const x of gs) if (!ps.some((v) => lenientMatch(v, x))) c[t].fn++;
      c[t].gold += gs.length;
    }
  });
  // Precision from shown values, recall from gold values: two different counts, so each type's
  // P and R are computed apart and F1 from them.
  const score = (tp: number, fp: number, fn: number, goldN: number): TypeScore => {
    const s = typeScore(tp, fp, fn);
    const recall = goldN === 0 ? (tp + fp === 0 ? 1 : 0) : (goldN - fn) / goldN;
    const f1 = s.precision + recall === 0 ? 0 : (2 * s.precision * recall) / (s.precision + recall);
    return { ...s, recall, f1 };
  };
  const perType = Object.fromEntries(
    ENTITY_TYPES.map((t) => [t, score(c[t].tp, c[t].fp, c[t].fn, c[t].gold)]),
  ) as Record<EntityType, TypeScore>;
  const sum = (k: 'tp' | 'fp' | 'fn' | 'gold') => ENTITY_TYPES.reduce((a, t) => a + c[t][k], 0);
  return {
    perType,
    micro: score(sum('tp'), sum('fp'), sum('fn'), sum('gold')),
    junk: { shown, unmatched, rate: shown ? unmatched / shown : 0 },
  };
}

/** One markdown table row per measure: P, R, F1 per type, micro-F1 and the junk rate. */
export function formatLenient(rows: ReadonlyArray<{ name: string; scores: LenientScores }>): string {
  const f = (x: number) => x.toFixed(2);
  const head =
    '| | diploma P/R/F1 | major P/R/F1 | experience P/R/F1 | skills P/R/F1 | micro P/R/F1 | junk rate | shown |';
  const sep = '|---|---|---|---|---|---|---|---|';
  const prf = (s: TypeScore) => `${f(s.precision)} / ${f(s.recall)} / **${f(s.f1)}**`;
  const body = rows.map(
    ({ name, scores: s }) =>
      `| ${name} | ${ENTITY_TYPES.map((t) => prf(s.perType[t])).join(' | ')} | ${prf(s.micro)} | ${f(s.junk.rate)} | ${s.junk.shown} |`,
  );
  return [head, sep, ...body].join('\n');
}
