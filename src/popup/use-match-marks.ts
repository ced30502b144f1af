// Candidate mode on the chips: each skill chip's matched / missing mark, from the match result.
import { useMemo } from 'preact/hooks';
import { groupForDisplay } from '../core/display';
import type { ExtractionResult } from '../core/entities';
import { skillKey, type MatchResult } from '../core/match';
import type { ChipMark } from './components/Chip';

/** A skill chip's mark by its raw value; each distinct skill's first chip (in the posting's order) carries the test hooks. */
export function useMatchMarks(
  match: MatchResult | undefined,
  result: ExtractionResult | undefined,
): ((raw: string) => ChipMark | undefined) | undefined {
  return useMemo(() => {
    if (!match || !result) return undefined;
    const byKey = new Map(match.chips.map((c) => [skillKey(c.value), c]));
    const seen = new Set<string>();
    const byRaw = new Map<string, ChipMark>();
    for (const g of groupForDisplay(result.skills)) {
      const key = skillKey(g.raw);
      const chip = byKey.get(key);
      if (!chip) continue;
      byRaw.set(g.raw, {
        matched: chip.matched,
        value: chip.value,
        first: !seen.has(key),
        importance: chip.importance,
      });
      seen.add(key);
    }
    return (raw: string): ChipMark | undefined => byRaw.get(raw);
  }, [match, result]);
}
