// The collection page's use cases, apart from its components: deleting a posting (with Undo),
// saving its status or notes, exporting what is shown or everything, importing a JSON backup, and
// what a click on the chart does to the filters. Each returns the notice that reports it; the
// storage area is a parameter (the page passes storage.local) so that each runs in a unit test.
import type { EntityType } from '../core/entities';
import {
  collectionRows,
  parseBackup,
  toJSON,
  type CollectionFilter,
  type SavedPosting,
  type TrackingPatch,
} from '../core/export/collection';
import { toCSV, toTSV } from '../core/export/delimited';
import { errorMessage, pluralize } from '../core/text';
import { deletePosting, importPostings, savePosting, updateTracking } from '../shared/collection-store';
import { downloadText } from '../shared/download-file';
import type { NoticeState } from '../shared/Notice';
import type { StorageAreaLike } from '../shared/storage';

/** Larger than any real collection's backup; a bigger file is not ours. */
const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** How a posting is named in notices: its title, or its address when it has none. */
const nameOf = (p: SavedPosting) => p.title || p.url;

/**
 * Deletes a posting; the notice offers Undo, which saves it back as it was (status and notes
 * included). `notify` shows each notice: Undo's own comes later, when the user clicks it.
 */
export async function deleteWithUndo(
  area: StorageAreaLike,
  p: SavedPosting,
  notify: (n: NoticeState) => void,
): Promise<void> {
  const restore = async () => {
    try {
      await savePosting(area, p, { keepTracking: false });
      notify({ kind: 'ok', text: `Restored "${nameOf(p)}".` });
    } catch (err) {
      notify({ kind: 'error', text: `Could not restore "${nameOf(p)}" (${errorMessage(err)}).`, action: undo });
    }
  };
  const undo = { label: 'Undo', run: () => void restore() };
  try {
    await deletePosting(area, p.url);
    notify({ kind: 'ok', text: `Deleted "${nameOf(p)}".`, action: undo });
  } catch (err) {
    notify({
      kind: 'error',
      text: `Could not delete the posting (${errorMessage(err)}). Reload the page and try again.`,
    });
  }
}

/** Saves a status or notes edit; the notice when it fails, nothing when it worked. */
export async function saveTracking(
  area: StorageAreaLike,
  p: SavedPosting,
  patch: TrackingPatch,
): Promise<NoticeState | undefined> {
  try {
    await updateTracking(area, p.url, patch);
    return undefined;
  } catch (err) {
    return {
      kind: 'error',
      text: `Could not save the ${patch.notes !== undefined ? 'notes' : 'status'} of "${nameOf(p)}" (${errorMessage(err)}). Try again.`,
    };
  }
}

export type ExportFormat = 'csv' | 'tsv' | 'json';

export const EXPORT_FORMATS: { format: ExportFormat; label: string; what: string }[] = [
  { format: 'csv', label: 'CSV', what: 'CSV' },
  { format: 'tsv', label: 'TSV', what: 'TSV' },
  { format: 'json', label: 'JSON backup', what: 'a JSON backup' },
];

function stamp(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function downloadPostings(postings: readonly SavedPosting[], format: ExportFormat): void {
  if (format === 'csv')
    downloadText(
      toCSV(collectionRows(postings), { bom: true }),
      `job-entities-${stamp()}.csv`,
      'text/csv;charset=utf-8',
    );
  else if (format === 'tsv')
    downloadText(
      toTSV(collectionRows(postings)),
      `job-entities-${stamp()}.tsv`,
      'text/tab-separated-values;charset=utf-8',
    );
  else downloadText(toJSON(postings), `job-entities-${stamp()}.json`, 'application/json');
}

/** Downloads `postings` (all of them, or the filtered ones out of `total`) as a file; says how many of how many. */
export function exportPostings(postings: readonly SavedPosting[], total: number, format: ExportFormat): NoticeState {
  const what = EXPORT_FORMATS.find((f) => f.format === format)?.what ?? format;
  try {
    downloadPostings(postings, format);
    const count =
      postings.length === total
        ? pluralize(postings.length, 'posting')
        : `${postings.length} of ${pluralize(total, 'posting')} (the filtered ones)`;
    return { kind: 'ok', text: `Exported ${count} as ${what}.` };
  } catch (err) {
    return { kind: 'error', text: `The file could not be made (${errorMessage(err)}). Try again.` };
  }
}

/** A chosen backup file, validated whole before anything is written: a bad file changes nothing saved. */
export async function importBackup(area: StorageAreaLike, file: File): Promise<NoticeState> {
  if (file.size > MAX_BACKUP_BYTES)
    return { kind: 'error', text: `"${file.name}" is too large to be a collection backup. Nothing was changed.` };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { kind: 'error', text: `"${file.name}" could not be read. Choose the file again. Nothing was changed.` };
  }
  const parsed = parseBackup(text);
  if (!parsed.ok) return { kind: 'error', text: `Import of "${file.name}" failed: ${parsed.error}` };
  try {
    const { added, updated } = await importPostings(area, parsed.postings);
    return { kind: 'ok', text: `Imported "${file.name}": ${added} new, ${updated} updated.` };
  } catch (err) {
    return {
      kind: 'error',
      text: `Could not save the imported postings (${errorMessage(err)}). Nothing was changed.`,
    };
  }
}

/** A click on a chart bar: a skill goes to the skill filter, any other value to the type and value filters. */
export function filterForPick(filter: CollectionFilter, type: EntityType, value: string): CollectionFilter {
  return type === 'skills'
    ? { ...filter, skill: value, type: undefined, value: undefined }
    : { ...filter, type, value };
}

/** The page's count line: how many are saved, or how many of them the filters show. */
export function countText(loaded: boolean, shown: number, total: number): string {
  if (!loaded) return 'Loading…';
  return shown === total ? `${total} saved` : `${shown} of ${total} shown`;
}
