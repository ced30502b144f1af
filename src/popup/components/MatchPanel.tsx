/// <reference types="vite/client" />
// Candidate mode in the popup: with a saved profile, how the candidate fits this posting: the
// summary, score and formula at the top; the posting's skills marked matched or missing on the
// chips themselves (no second list; nice-to-have skills in their own row of the Skills group,
// counting half); then skills not scored, the candidate's other skills, years, diploma and major;
// without one, a link to the profile page. Rendered only with a result.
import browser from 'webextension-polyfill';
import { toDisplay } from '../../core/display';
import { missingAsText, type MatchResult } from '../../core/match';
import { pluralize } from '../../core/text';
import { copyWithNote } from '../copy-actions';
import { closeIfToolbarPopup } from '../close-view';
import { Requirements } from './MatchRequirements';
import './MatchPanel.css';
import { useStatusNote } from '../use-status-note';

export const PROFILE_PAGE = 'src/profile/profile.html';

async function openProfilePage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(PROFILE_PAGE) });
  closeIfToolbarPopup();
}

/** Without a profile: an invitation to make one. */
export function CompareLink() {
  return (
    <p class="match-invite">
      <button type="button" class="link" data-testid="compare-link" onClick={() => void openProfilePage()}>
        Compare with my skills
      </button>
    </p>
  );
}

/** At the top of the view: the score in one line; the posting's skills carry their marks on the chips themselves. */
export function MatchPanel({ match: m }: { match: MatchResult }) {
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
    </section>
  );
}

/** Under the chips: the candidate's other skills, years / diploma / major, and Copy missing skills. */
export function MatchDetails({ match: m }: { match: MatchResult }) {
  // A new message here clears the popup's other status messages (one at a time, the latest).
  const [note, setNote] = useStatusNote('');
  const copyMissing = async () =>
    setNote(await copyWithNote(missingAsText(m), `Copied ${pluralize(m.missing.length, 'missing skill')}`));
  return (
    <section class="match match-details" aria-label="How you match this posting">
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
