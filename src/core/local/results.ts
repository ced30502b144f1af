// From the values found in a posting to what the user sees: type sanity, near-duplicates as one
// value with a count, the confidence threshold, and skills ordered by confidence then position.
// The entity arrays hold only the shown values (each occurrence, in one spelling per group);
// `details` runs parallel to them.
import { ENTITY_TYPES, emptyEntities, type Entities, type EntityDetails } from '../entities';
import { sanitizeValue, type SanityContext } from '../sanity';
import type { FoundValue } from './model';

/** The key near-duplicates share: case, spaces, dots and hyphens ignored, a plural `s` dropped (`AWS` = `aws`, `node.js` = `nodejs`, `API` = `APIs`). */
export function nearDuplicateKey(value: string): string {
  const k = value.toLowerCase().replace(/[\s.\-–]+/gu, '');
  return k.length > 3 && k.endsWith('s') && !k.endsWith('ss') ? k.slice(0, -1) : k;
}

interface Group {
  forms: Map<string, number>;
  confidence: number;
  position: number;
  count: number;
}

/** The form seen most often, the first seen among equals. */
function bestForm(forms: Map<string, number>): string {
  let best = '';
  let n = 0;
  for (const [f, c] of forms) if (c > n) [best, n] = [f, c];
  return best;
}

export interface ShownValues {
  entities: Entities;
  details: EntityDetails;
}

/**
 * Sanity-checks every found value (trimmed, wrong types dropped), groups near-duplicates (the
 * group's confidence is its best member's), keeps groups at or above `threshold`, and orders
 * skills by confidence then position (other types by position).
 */
export function showValues(found: readonly FoundValue[], threshold: number, context: SanityContext = {}): ShownValues {
  const entities = emptyEntities();
  const details: EntityDetails = { diploma: [], diploma_major: [], experience: [], skills: [] };
  for (const type of ENTITY_TYPES) {
    const groups = new Map<string, Group>();
    for (const f of found) {
      if (f.type !== type) continue;
      const value = sanitizeValue(type, f.value, context);
      if (value === null) continue;
      const key = nearDuplicateKey(value);
      const g = groups.get(key) ?? { forms: new Map<string, number>(), confidence: 0, position: f.position, count: 0 };
      g.forms.set(value, (g.forms.get(value) ?? 0) + 1);
      g.confidence = Math.max(g.confidence, f.confidence);
      g.count++;
      groups.set(key, g);
    }
    const kept = [...groups.values()].filter((g) => g.confidence >= threshold);
    if (type === 'skills') kept.sort((a, b) => b.confidence - a.confidence || a.position - b.position);
    else kept.sort((a, b) => a.position - b.position);
    // Each occurrence stays in the list (the training data's answers repeat a value as often as
    // the posting asks for it, and scoring counts repeats), all in the group's best form so the
    // display shows one chip with its count.
    for (const g of kept) {
      const value = bestForm(g.forms);
      for (let i = 0; i < g.count; i++) {
        entities[type].push(value);
        details[type].push({ value, confidence: Math.round(g.confidence * 1000) / 1000, count: g.count });
      }
    }
  }
  return { entities, details };
}
