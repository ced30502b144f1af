// The profile editor's state: the stored profile, the draft on screen (edits are a draft until
// Save; an import is saved at once), the years field's text, the notice, and the field a refused
// Save points at (marked invalid, described by its message, and focused). Each handler dispatches
// to a use case in actions.ts.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { emptyProfile, mergeProfiles, type Profile } from '../core/match';
import type { NoticeState } from '../shared/Notice';
import { loadProfile } from '../shared/profile-store';
import {
  removeProfile,
  saveDraft,
  saveImported,
  saveRefusal,
  withYears,
  type InvalidField,
  type SaveOutcome,
} from './actions';

/** The stored profile, read once when the page opens: the page edits a draft, so a change elsewhere does not replace it. */
function useStoredProfile(onLoad: (profile: Profile | null, problem?: string) => void): void {
  const first = useRef(onLoad);
  useEffect(() => {
    void loadProfile(browser.storage.local).then((stored) => first.current(stored.profile, stored.problem));
  }, []);
}

/** Focuses the field a refused Save points at, each time Save is refused. */
function useFocusInvalid(invalid: (InvalidField & { at: number }) | undefined): void {
  useLayoutEffect(() => {
    if (invalid) document.getElementById(invalid.field)?.focus();
  }, [invalid]);
}

export function useProfileEditor() {
  const [saved, setSaved] = useState<Profile | null>(null);
  const [draft, setDraft] = useState<Profile>();
  const [yearsText, setYearsText] = useState('');
  const [notice, setNotice] = useState<NoticeState>();
  const [invalid, setInvalid] = useState<InvalidField & { at: number }>();
  useFocusInvalid(invalid);

  /** Puts a whole profile on screen, years field included. */
  const show = (p: Profile) => {
    setDraft(p);
    setYearsText(p.years === undefined ? '' : String(p.years));
  };
  const settle = ({ kept, notice }: SaveOutcome) => {
    if (kept) {
      setSaved(kept);
      show(kept);
    }
    setNotice(notice);
  };
  useStoredProfile((profile, problem) => {
    setSaved(profile);
    show(profile ?? emptyProfile());
    if (problem) setNotice({ kind: 'error', text: problem });
  });

  const edit = (p: Profile) => {
    setDraft(p);
    setNotice(undefined);
    setInvalid(undefined);
  };
  return {
    saved,
    draft,
    yearsText,
    notice,
    invalid,
    edit,
    setYears: (text: string) => {
      setYearsText(text);
      if (draft) edit(withYears(draft, text));
    },
    save: () => {
      if (!draft) return;
      const refusal = saveRefusal(draft, yearsText);
      setInvalid(refusal && { ...refusal, at: Date.now() });
      if (refusal) setNotice({ kind: 'error', text: `Not saved: ${refusal.text}` });
      else void saveDraft(browser.storage.local, draft).then(settle);
    },
    remove: () =>
      void removeProfile(browser.storage.local).then(({ deleted, notice }) => {
        if (deleted) setSaved(null);
        setNotice(notice);
      }),
    importProfile: (p: Profile) => void saveImported(browser.storage.local, p).then(settle),
    /** What the résumé gave joins the draft; show(), not edit(): the years field follows when it states years. */
    addFound: (found: Profile) => {
      if (draft) show(mergeProfiles(draft, found));
      setNotice(undefined);
    },
    showError: (text: string) => setNotice({ kind: 'error', text }),
  };
}
