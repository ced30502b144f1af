// The queries the collection page needs: the most frequent values, filtering and sorting.
import { toDisplay } from '../display';
import { ENTITY_TYPES, type Entities, type EntityType } from '../entities';
import { skillKey, spellingKey } from '../match/normalize';
import { POSTING_STATUSES, type PostingStatus, type SavedPosting } from './collection-schema';

export interface ValueCount {
  /** The display form of the most common spelling. */
  value: string;
  /** How many postings name it (a posting counts once however often it repeats it). */
  count: number;
}

/** The n most frequent values of one entity type across the collection, for the bar chart. */
export function topValues(collection: readonly SavedPosting[], type: EntityType, n = 10): ValueCount[] {
  const counts = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const p of collection) {
    const seen = new Set<string>();
    for (const raw of p.entities[type]) {
      const key = skillKey(raw);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { count: 0, spellings: new Map() };
      entry.count++;
      const shown = toDisplay(raw);
      entry.spellings.set(shown, (entry.spellings.get(shown) ?? 0) + 1);
      counts.set(key, entry);
    }
  }
  // The label is the most used spelling; on a tie, the synonym table's own name (`Kubernetes`
  // over `k8s`), then the first seen.
  const out = [...counts.entries()].map(([key, e]) => ({
    value: [...e.spellings.entries()].sort(
      (a, b) => b[1] - a[1] || Number(spellingKey(b[0]) === key) - Number(spellingKey(a[0]) === key),
    )[0][0],
    count: e.count,
  }));
  // Ties in alphabetical order, so the chart is stable.
  out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return out.slice(0, Math.max(0, n));
}

export interface CollectionFilter {
  /** Postings asking for this skill (any spelling: `JS` finds `javascript`). */
  skill?: string;
  /** Postings with at least one value of this type, or with `value` in this type. */
  type?: EntityType;
  value?: string;
  /** Free text, case-insensitive, over title, company, location, URL, notes and every value. */
  query?: string;
  /** Postings at this point of the application. */
  status?: PostingStatus;
}

function hasValue(values: readonly string[], wanted: string): boolean {
  const key = skillKey(wanted);
  return key !== '' && values.some((v) => skillKey(v) === key);
}

export function filterCollection(collection: readonly SavedPosting[], filter: CollectionFilter): SavedPosting[] {
  const query = filter.query?.trim().toLowerCase();
  return collection.filter((p) => {
    if (filter.status && p.status !== filter.status) return false;
    if (filter.skill?.trim() && !hasValue(p.entities.skills, filter.skill)) return false;
    if (filter.type) {
      const values = p.entities[filter.type];
      if (filter.value?.trim() ? !hasValue(values, filter.value) : values.length === 0) return false;
    }
    if (query) {
      const haystack = [
        p.title,
        p.company,
        p.location,
        p.url,
        p.notes,
        ...ENTITY_TYPES.flatMap((t) => p.entities[t].flatMap((v) => [v, toDisplay(v)])),
      ]
        .join('\n')
        .toLowerCase();
      if (!haystack.includes(query)) return false;
    }
    return true;
  });
}

export const SORT_KEYS = [
  'capturedAt',
  'title',
  'company',
  'location',
  'url',
  'model',
  'status',
  ...ENTITY_TYPES,
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

function sortText(p: SavedPosting, by: SortKey): string | number {
  if (by === 'capturedAt') return Date.parse(p.capturedAt);
  if (by === 'status') return POSTING_STATUSES.indexOf(p.status);
  if ((ENTITY_TYPES as readonly string[]).includes(by)) return (p.entities as Entities)[by as EntityType].length;
  return (p[by as 'title' | 'company' | 'location' | 'url' | 'model'] ?? '').toLowerCase();
}

/**
 * Sort by a column: text columns alphabetically (locale-aware, numbers in order), capturedAt by
 * time, status in pipeline order (New first), an entity type by how many values it has. Stable; empty text sorts last either way.
 */
export function sortCollection(
  collection: readonly SavedPosting[],
  by: SortKey = 'capturedAt',
  direction: 'asc' | 'desc' = 'desc',
): SavedPosting[] {
  const sign = direction === 'asc' ? 1 : -1;
  return collection
    .map((p, i) => ({ p, i, k: sortText(p, by) }))
    .sort((a, b) => {
      if (typeof a.k === 'string' && typeof b.k === 'string') {
        if (!a.k !== !b.k) return a.k ? -1 : 1;
        return sign * a.k.localeCompare(b.k, undefined, { numeric: true }) || a.i - b.i;
      }
      return sign * ((a.k as number) - (b.k as number)) || a.i - b.i;
    })
    .map((x) => x.p);
}
