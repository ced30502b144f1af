// The saved collection of postings: its schema, updates, the JSON backup, and the queries the
// collection page needs (filter, sort, most frequent values). Storage itself is the extension's.
import { z } from 'zod';
import { EntitiesSchema, ENTITY_TYPES, type Entities, type EntityType } from '../entities';
import { toDisplay } from '../display';
import { skillKey, spellingKey } from '../match/normalize';
import { toSpreadsheetRow, SPREADSHEET_HEADER } from './rows';

/** The application pipeline, in order: the status column's choices and the status filter's. */
export const POSTING_STATUSES = ['New', 'Contacted', 'Applied', 'Interview', 'Offer', 'Rejected'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];
export const NOTES_MAX = 10_000;

export const SavedPostingSchema = z.object({
  url: z.string().min(1).max(4096),
  title: z.string().max(1000),
  company: z.string().max(1000),
  location: z.string().max(1000),
  /** When it was captured, ISO 8601 (`2026-11-26T05:30:00.000Z`). */
  capturedAt: z.iso.datetime({ offset: true }),
  entities: EntitiesSchema,
  /** The model id that extracted it (`local` for the offline extractor). */
  model: z.string(),
  /** 'openai' | 'local' */
  provider: z.string(),
  /** Where the user is with this application. Rows saved before statuses existed read as New. */
  status: z.enum(POSTING_STATUSES).default('New'),
  /** The user's own notes; rows saved before notes existed read as empty. */
  notes: z.string().max(NOTES_MAX).default(''),
});
export type SavedPosting = z.infer<typeof SavedPostingSchema>;
/** A posting as written by hand or by an older version: status and notes may be missing. */
export type SavedPostingInput = z.input<typeof SavedPostingSchema>;

export const CollectionSchema = z.array(SavedPostingSchema);
export type Collection = SavedPosting[];

export const BACKUP_FORMAT = 'job-entities-collection';
/** Version 2 added status and notes to each posting; version 1 backups read with the defaults. */
export const BACKUP_VERSION = 2;
const READABLE_BACKUP_VERSIONS = [1, 2] as const;

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(READABLE_BACKUP_VERSIONS),
  exportedAt: z.iso.datetime({ offset: true }),
  postings: CollectionSchema.max(100_000),
});
export type Backup = z.infer<typeof BackupSchema>;

/**
 * The identity of a posting's URL: the fragment and tracking parameters (utm_*, gclid, fbclid,
 * ref, trk...) do not make another posting, so saving it again from a shared link updates it.
 */
export function postingKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const name of [...u.searchParams.keys()]) {
      if (/^(utm_\w+|gclid|fbclid|msclkid|ref|refid|trk|trackingid|src|source)$/i.test(name))
        u.searchParams.delete(name);
    }
    u.hostname = u.hostname.toLowerCase();
    return u.toString();
  } catch {
    return url.trim();
  }
}

/**
 * Add a posting, or replace the saved one with the same URL in place. Returns a new array. With
 * `keepTracking`, a replaced posting keeps its status and notes: extracting a posting again must
 * not undo where the user is with it.
 */
export function upsertPosting(
  collection: readonly SavedPosting[],
  posting: SavedPosting,
  opts: { keepTracking?: boolean } = {},
): SavedPosting[] {
  const key = postingKey(posting.url);
  const at = collection.findIndex((p) => postingKey(p.url) === key);
  if (at < 0) return [...collection, posting];
  const out = [...collection];
  const before = collection[at];
  out[at] = opts.keepTracking ? { ...posting, status: before.status, notes: before.notes } : posting;
  return out;
}

/** What the user may change on a saved row. */
export interface TrackingPatch {
  status?: PostingStatus;
  notes?: string;
}

/** The collection with one posting's status or notes changed (validated: a bad patch throws). */
export function patchPosting(collection: readonly SavedPosting[], url: string, patch: TrackingPatch): SavedPosting[] {
  const key = postingKey(url);
  return collection.map((p) => (postingKey(p.url) === key ? SavedPostingSchema.parse({ ...p, ...patch }) : p));
}

export function removePosting(collection: readonly SavedPosting[], url: string): SavedPosting[] {
  const key = postingKey(url);
  return collection.filter((p) => postingKey(p.url) !== key);
}

/**
 * Merge imported postings into the collection (same URL: the imported one wins), as upsertPosting
 * one by one would, but with each URL's key computed once: a backup holds up to 100,000 postings.
 */
export function mergeCollections(
  collection: readonly SavedPosting[],
  incoming: readonly SavedPosting[],
): SavedPosting[] {
  const out = [...collection];
  const indexOf = new Map<string, number>();
  out.forEach((p, i) => {
    const key = postingKey(p.url);
    if (!indexOf.has(key)) indexOf.set(key, i);
  });
  for (const p of incoming) {
    const key = postingKey(p.url);
    const at = indexOf.get(key);
    if (at === undefined) {
      indexOf.set(key, out.length);
      out.push(p);
    } else out[at] = p;
  }
  return out;
}

/** The JSON export: a backup that parseBackup reads back. */
export function toJSON(collection: readonly SavedPosting[], now: Date = new Date()): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    postings: [...collection],
  };
  return JSON.stringify(backup, null, 2) + '\n';
}

export type BackupParse = { ok: true; postings: SavedPosting[] } | { ok: false; error: string };

/**
 * Validate a backup file's text, all of it, before anything is touched: the caller merges
 * `postings` only on ok, so a bad file changes nothing already saved. A bare array of postings
 * is accepted too (hand-made files).
 */
export function parseBackup(text: string): BackupParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return {
      ok: false,
      error:
        'This file is not JSON. Choose a backup exported from the collection page (a .json file). Nothing was changed.',
    };
  }
  if (Array.isArray(data))
    data = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(0).toISOString(), postings: data };
  const r = BackupSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path;
    let where = path.length ? `"${path.join('.')}"` : 'the file';
    if (path[0] === 'postings' && typeof path[1] === 'number')
      where = `posting ${path[1] + 1}${path.length > 2 ? ` ("${path.slice(2).join('.')}")` : ''}`;
    if (path[0] === 'format')
      return { ok: false, error: 'This is not a job-entities collection backup. Nothing was changed.' };
    if (path[0] === 'version')
      return {
        ok: false,
        error: `This backup is version ${JSON.stringify((data as { version?: unknown }).version)}; this version reads versions ${READABLE_BACKUP_VERSIONS.join(' and ')}. Update job-entities. Nothing was changed.`,
      };
    return { ok: false, error: `The backup is damaged: ${where}: ${issue.message}. Nothing was changed.` };
  }
  return { ok: true, postings: r.data.postings };
}

/** The collection's CSV/TSV columns: the popup's spreadsheet row, then the user's own tracking. */
export const COLLECTION_HEADER = [...SPREADSHEET_HEADER, 'Status', 'Notes'] as const;

/** Rows for the CSV/TSV export of the given postings: the header, then one row per posting. */
export function collectionRows(collection: readonly SavedPosting[]): string[][] {
  return [[...COLLECTION_HEADER], ...collection.map((p) => [...toSpreadsheetRow(p, p.entities), p.status, p.notes])];
}

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
