// The saved profile for candidate mode, kept current while the view is open. The one place the
// popup watches the profile in storage.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Profile } from '../core/match';
import { browserAreas } from '../shared/browser-areas';
import { loadProfile } from '../shared/profile-store';
import { profileItem } from '../shared/storage-items';

/** Calls `onChange` whenever the stored profile changes, until `signal` aborts. */
export function watchProfile(onChange: () => void, signal: AbortSignal): void {
  profileItem.watch(browserAreas, () => onChange(), signal);
}

/** The saved profile (null: none; undefined while loading). */
export function useProfile(): Profile | null | undefined {
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  useEffect(() => {
    const load = () => void loadProfile(browser.storage.local).then((s) => setProfile(s.profile));
    const stop = new AbortController();
    load();
    watchProfile(load, stop.signal);
    return () => stop.abort();
  }, []);
  return profile;
}
