// The profile page's use cases, apart from its components: how typed values join the diploma and
// major lists, what counts as years of experience, what Save refuses, and saving, deleting,
// importing and extracting from a résumé, each with the words that report it. The storage area is a
// parameter (the page passes storage.local) so that every use case runs in a unit test as well.
import type { ErrorInfo } from '../core/errors';
import { emptyProfile, parseProfile, profileFromEntities, type Profile } from '../core/match';
import { resolveProvider } from '../core/settings';
import { errorMessage, pluralize } from '../core/text';
import { MessageError, sendMessage, type PublicSettings } from '../shared/messages';
import type { NoticeState } from '../shared/Notice';
import { deleteProfile, isEmptyProfile, saveProfile } from '../shared/profile-store';
import type { StorageAreaLike } from '../shared/storage';

/** The profile's lists of free values (skills have their own rules in the core). */
export type ValueList = 'diplomas' | 'majors';

/** The fields a refused Save points at. */
export type InvalidField = { field: 'years' | 'skills'; text: string };

/** Larger than any real profile file; a bigger file is not one. */
const MAX_PROFILE_FILE_BYTES = 2_000_000;

export const sameProfile = (a: Profile | null, b: Profile): boolean =>
  JSON.stringify(a ?? emptyProfile()) === JSON.stringify(b);

function withList(p: Profile, key: ValueList, list: string[]): Profile {
  const out = { ...p };
  if (list.length) out[key] = list;
  else delete out[key];
  return out;
}

/** Adds values to a diploma or major list, each kept once (case-insensitively), in order. */
export function addListValues(p: Profile, key: ValueList, values: string[]): Profile {
  const out = [...(p[key] ?? [])];
  for (const v of values) if (!out.some((o) => o.toLowerCase() === v.toLowerCase())) out.push(v);
  return withList(p, key, out);
}

export function removeListValue(p: Profile, key: ValueList, value: string): Profile {
  return withList(
    p,
    key,
    (p[key] ?? []).filter((v) => v !== value),
  );
}

/** The years field's text as years of experience: 0 to 80, to a tenth; anything else is no value. */
export function parseYears(text: string): number | undefined {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 80) return undefined;
  return Math.round(n * 10) / 10;
}

export function withYears(p: Profile, text: string): Profile {
  const out = { ...p };
  const years = parseYears(text);
  if (years === undefined) delete out.years;
  else out.years = years;
  return out;
}

/** Why Save refuses the draft (the field to fix and what to do), or nothing when it may be saved. */
export function saveRefusal(draft: Profile, yearsText: string): InvalidField | undefined {
  if (yearsText.trim() !== '' && draft.years === undefined)
    return { field: 'years', text: 'Years of experience must be a number from 0 to 80.' };
  if (isEmptyProfile(draft))
    return { field: 'skills', text: 'Add at least one skill first (or use Delete profile to remove it).' };
  return undefined;
}

/** What a save leaves: the profile as stored when it worked, and the notice that says so (or why not). */
export interface SaveOutcome {
  kept?: Profile;
  notice: NoticeState;
}

async function store(area: StorageAreaLike, p: Profile, done: string): Promise<SaveOutcome> {
  try {
    const kept = await saveProfile(area, p);
    return { kept, notice: { kind: 'ok', text: done } };
  } catch (err) {
    return { notice: { kind: 'error', text: `Not saved: ${errorMessage(err)}` } };
  }
}

export function saveDraft(area: StorageAreaLike, draft: Profile): Promise<SaveOutcome> {
  return store(
    area,
    draft,
    `Saved. The popup now compares postings with your ${pluralize(draft.skills.length, 'skill')}.`,
  );
}

/** An imported profile is saved at once: choosing the file is the decision. */
export function saveImported(area: StorageAreaLike, p: Profile): Promise<SaveOutcome> {
  return store(area, p, `Imported and saved: ${pluralize(p.skills.length, 'skill')}.`);
}

/** Deletes the stored profile; the page keeps the draft on screen, so Save brings it back. */
export async function removeProfile(area: StorageAreaLike): Promise<{ deleted: boolean; notice: NoticeState }> {
  try {
    await deleteProfile(area);
    return {
      deleted: true,
      notice: {
        kind: 'info',
        text: 'Profile deleted from this browser. The values stay on this page until you close it: Save restores them.',
      },
    };
  } catch (err) {
    return { deleted: false, notice: { kind: 'error', text: `Not deleted: ${errorMessage(err)}` } };
  }
}

export type FileRead = { ok: true; profile: Profile } | { ok: false; error: string };

/** A chosen profile file, validated by the core's parseProfile: a bad file is reported and changes nothing. */
export async function readProfileFile(file: File): Promise<FileRead> {
  if (file.size > MAX_PROFILE_FILE_BYTES)
    return { ok: false, error: `"${file.name}" is too large for a profile (over 2 MB). Nothing was changed.` };
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return { ok: false, error: `"${file.name}" could not be read (${errorMessage(err)}). Nothing was changed.` };
  }
  const parsed = parseProfile(text);
  return parsed.ok ? parsed : { ok: false, error: `"${file.name}": ${parsed.error}` };
}

/** What will read a résumé, in words: the user's model or the offline extractor ('' when unknown). */
export async function describeExtractor(): Promise<string> {
  try {
    const s: PublicSettings = await sendMessage('get-settings', {});
    return resolveProvider({ ...s, apiKey: '' }) === 'local' ? 'the offline extractor' : `your model ${s.model}`;
  } catch {
    return '';
  }
}

/** "diploma: BS", "majors: physics, chemistry": a list named in the singular or plural, without a count. */
function namedList(word: string, values: string[]): string {
  return `${values.length === 1 ? word : `${word}s`}: ${values.join(', ')}`;
}

export function foundText(p: Profile): string {
  const parts = [pluralize(p.skills.length, 'skill')];
  if (p.years !== undefined) parts.push(`${p.years} years`);
  if (p.diplomas?.length) parts.push(namedList('diploma', p.diplomas));
  if (p.majors?.length) parts.push(namedList('major', p.majors));
  return parts.join('; ');
}

export type ResumeOutcome = { ok: true; found: Profile; text: string } | { ok: false; error: ErrorInfo };

/**
 * Résumé text through the worker's 'extract-text' (the same pipeline as postings, with the user's
 * settings; the page never sees the API key), as a profile to merge into the draft.
 */
export async function extractResume(text: string): Promise<ResumeOutcome> {
  try {
    const found = profileFromEntities(await sendMessage('extract-text', { text, title: 'Résumé' }));
    return {
      ok: true,
      found,
      text:
        found.skills.length || found.years !== undefined || found.diplomas || found.majors
          ? `Found ${foundText(found)}. Added to your profile above: review, then Save.`
          : 'Nothing found in this text. Paste the part of your résumé that lists skills, degrees and experience.',
    };
  } catch (err) {
    return {
      ok: false,
      error: err instanceof MessageError ? err.info : { code: 'unknown', message: errorMessage(err) },
    };
  }
}
