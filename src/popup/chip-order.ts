// Which chips the popup shows first: skills most confident first (the order of the result's
// details when it has them: the extractor lists them most confident first), else as given.
import { groupForDisplay, valueKey, type DisplayValue } from '../core/display';
import type { EntityDetail, EntityType, ExtractionResult } from '../core/entities';

/** Skills shown before "Show all N". */
export const SKILLS_SHOWN = 12;

export function orderedGroups(
  result: Pick<ExtractionResult, EntityType> & { details?: ExtractionResult['details'] },
  type: EntityType,
): DisplayValue[] {
  const groups = groupForDisplay(result[type]);
  const details: EntityDetail[] | undefined = type === 'skills' ? result.details?.[type] : undefined;
  if (!details?.length) return groups;
  const rank = new Map<string, { confidence: number; at: number }>();
  details.forEach((d, at) => {
    const key = valueKey(d.value);
    const seen = rank.get(key);
    if (!seen || d.confidence > seen.confidence) rank.set(key, { confidence: d.confidence, at: seen?.at ?? at });
  });
  // Stable: equal confidence keeps the details' order, values the details do not know (added by the user) go last.
  return groups
    .map((g, i) => ({ g, i, r: rank.get(valueKey(g.raw)) }))
    .sort(
      (a, b) =>
        (b.r?.confidence ?? -1) - (a.r?.confidence ?? -1) || (a.r?.at ?? Infinity) - (b.r?.at ?? Infinity) || a.i - b.i,
    )
    .map((x) => x.g);
}
