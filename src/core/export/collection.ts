// The saved collection of postings: its schema, updates, the JSON backup, and the queries the
// collection page needs (filter, sort, most frequent values). Storage itself is the extension's.
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupSchema,
  READABLE_BACKUP_VERSIONS,
  SavedPostingSchema,
  type Backup,
  type PostingStatus,
  type SavedPosting,
} from './collection-schema';
import { toSpreadsheetRow, SPREADSHEET_HEADER } from './rows';

export * from './collection-schema';
export * from './collection-queries';

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
