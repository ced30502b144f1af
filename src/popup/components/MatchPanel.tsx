/// <reference types="vite/client" />
// Candidate mode in the popup: with a saved profile, how the candidate fits this posting (summary,
// score and its formula, the posting's required and nice-to-have skills marked matched or missing,
// the candidate's other skills, years, diploma and major); without one, a link to the profile
// page. Rendered only with a result.
import { useEffect, useState } from 'preact/hooks';
import browser, { type Storage } from 'webextension-polyfill';
import { toDisplay } from '../../core/display';
import { matchSkills, missingAsText, type MatchablePosting, type Profile, type SkillChip } from '../../core/match';
import { loadProfile, profileChanged } from '../../shared/profile-store';
import { copyText } from '../clipboard';
import { Requirements } from './MatchRequirements';
import './MatchPanel.css';
import { useStatusNote } from '../use-status-note';

export const PROFILE_PAGE = 'src/profile/profile.html';

async function openProfilePage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(PROFILE_PAGE) });
  // The toolbar popup closes itself; a detached one (opened with ?tabId) stays.
  if (!new URLSearchParams(location.search).has('tabId')) window.close();
}

/** The saved profile, kept current while the popup is open (undefined while loading). */
function useProfile(): Profile | null | undefined {
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  useEffect(() => {
    const load = () => void loadProfile(browser.storage.local).then((s) => setProfile(s.profile));
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (profileChanged(changes, area)) load();
    };
    load();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return profile;
}

function Chips({ chips, label }: { chips: SkillChip[]; label: string }) {
  return (
    <ul class="chips match-chips" aria-label={label}>
      {chips.map((c) => (
        <li key={c.value} class={`match-chip ${c.matched ? 'matched' : 'missing'}`} data-testid="match-chip" data-state={c.matched ? 'matched' : 'missing'} data-importance={c.importance} data-value={c.value}>
          <span class="mark" aria-hidden="true" /> {toDisplay(c.value)}
          <span class="visually-hidden">{c.matched ? ' (you have it)' : ' (missing)'}</span>
        </li>
      ))}
    </ul>
  );
}

export function MatchPanel({ entities }: { entities: MatchablePosting }) {
  const profile = useProfile();
  const [note, setNote] = useStatusNote('');
  if (profile === undefined) return null;
  if (profile === null) {
    return (
      <p class="match-invite">
        <button type="button" class="link" data-testid="compare-link" onClick={() => void openProfilePage()}>
          Compare with my skills
        </button>
      </p>
    );
  }
  const m = matchSkills(profile, entities);
  const required = m.chips.filter((c) => c.importance === 'required');
  const nice = m.chips.filter((c) => c.importance === 'niceToHave');
  const copyMissing = async () => setNote((await copyText(missingAsText(m))) ? `Copied ${m.missing.length} missing skill${m.missing.length === 1 ? '' : 's'}` : 'Could not copy: the clipboard refused.');
  return (
    <section class="match" data-testid="match-panel" aria-labelledby="match-title">
      <div class="match-head">
        <h2 id="match-title">Your match</h2>
        <span class="match-score" data-testid="match-score" data-score={m.score.toFixed(4)}>
          {Math.round(m.score * 100)}%
        </span>
        <button type="button" class="link" data-testid="edit-profile" onClick={() => void openProfilePage()}>
          Edit my skills
        </button>
      </div>
      <p class="match-summary" data-testid="match-summary">
        {m.summary}
      </p>
      <p class="match-formula" data-testid="match-formula">
        {m.formula}
      </p>
      {required.length > 0 && <Chips chips={required} label="The posting's required skills" />}
      {nice.length > 0 && (
        <div class="match-nice" data-testid="match-nice">
          <h3>Nice to have (counts half)</h3>
          <Chips chips={nice} label="The posting's nice-to-have skills" />
        </div>
      )}
      {m.ignored.length > 0 && (
        <p class="match-formula" data-testid="match-ignored">
          Not scored (found outside what the job asks): {m.ignored.map(toDisplay).join(', ')}
        </p>
      )}
      {m.extra.length > 0 && (
        <div class="match-extra">
          <h3>Your other skills</h3>
          <ul class="chips" aria-label="Your skills this posting does not ask for">
            {m.extra.map((s) => (
              <li key={s} class="match-chip extra" data-testid="match-extra">
                {s}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Requirements match={m} />
      {m.missing.length > 0 && (
        <div class="row">
          <button type="button" class="button" data-testid="copy-missing" onClick={() => void copyMissing()}>
            Copy missing skills
          </button>
          <span class="status" aria-live="polite" data-testid="copy-missing-status">
            {note}
          </span>
        </div>
      )}
    </section>
  );
}
