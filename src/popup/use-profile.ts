// The saved profile for candidate mode, kept current while the view is open (saved on the profile
// page in another tab, say).
import type { Profile } from '../core/match';
import { profileItem } from '../shared/storage-items';
import { useStoredItem } from '../shared/use-stored-item';

/** The saved profile (null: none; undefined while loading). */
export function useProfile(): Profile | null | undefined {
  const { loaded, value } = useStoredItem(profileItem);
  return loaded ? value.profile : undefined;
}
