// The saved profile for candidate mode, kept current while the view is open. The one place the
// popup watches the profile in storage, so a storage layer's watch can take it over whole.
import { useEffect, useState } from 'preact/hooks';
import browser, { type Storage } from 'webextension-polyfill';
import type { Profile } from '../core/match';
import { loadProfile, profileChanged } from '../shared/profile-store';

/** Calls `onChange` whenever the stored profile changes, until `signal` aborts. */
export function watchProfile(onChange: () => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (profileChanged(changes, area)) onChange();
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
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
