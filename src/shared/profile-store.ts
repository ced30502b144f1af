// The candidate's profile in storage.local under one key of its own (profileItem). Pages (the
// profile editor, the popup's match panel) read and write it directly; it holds no secret. Reading
// never throws: a stored value in a bad shape keeps what can be read and says what was left out
// (profile-salvage.ts), so one bad value costs one value, not the profile; saving over a stored
// profile sets its unreadable values aside one by one (stored-list.ts's policy), so nothing is
// ever dropped.
import { parseProfile, type Profile } from '../core/match';
import { errorMessage } from '../core/text';
import type { StoredProfile } from './profile-salvage';
import type { StorageAreaLike } from './storage-item';
import { profileItem } from './storage-items';

export { isEmptyProfile, readStoredProfile, unreadableValues, type StoredProfile } from './profile-salvage';
export const PROFILE_KEY = profileItem.key;

export async function loadProfile(area: StorageAreaLike): Promise<StoredProfile> {
  try {
    return (await profileItem.read({ local: area })).value;
  } catch (err) {
    return { profile: null, problem: `The browser could not read the saved profile (${errorMessage(err)}).` };
  }
}

/** Validates before writing: an invalid profile is refused, never stored. What the stored one held unreadable is set aside. */
export async function saveProfile(area: StorageAreaLike, profile: Profile): Promise<Profile> {
  const checked = parseProfile(profile);
  if (!checked.ok) throw new Error(checked.error);
  await profileItem.set({ local: area }, { profile: checked.profile });
  return checked.profile;
}

export async function deleteProfile(area: StorageAreaLike): Promise<void> {
  await profileItem.remove({ local: area });
}
