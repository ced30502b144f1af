// The candidate's profile editor: skills, years, diplomas and majors, filled by typing, pasting a
// list, extracting from a résumé, or importing a file. Edits are a draft until Save (an import is
// saved at once: choosing a file is the decision). Stored in storage.local (see profile-store.ts).
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { addSkills, emptyProfile, mergeProfiles, removeSkill, type Profile } from '../core/match';
import { deleteProfile, isEmptyProfile, loadProfile, saveProfile } from '../shared/profile-store';
import { ListEditor, splitValues } from './components/ListEditor';
import { ProfileFile } from './components/ProfileFile';
import { ResumeExtract } from './components/ResumeExtract';
import { errorMessage, pluralize } from '../core/text';

type Notice = { kind: 'ok' | 'error' | 'info'; text: string } | undefined;

const same = (a: Profile | null, b: Profile) => JSON.stringify(a ?? emptyProfile()) === JSON.stringify(b);

/** Values of a diploma or major list, kept once each (case-insensitively), in order. */
function addValues(list: string[] | undefined, values: string[]): string[] {
  const out = [...(list ?? [])];
  for (const v of values) if (!out.some((o) => o.toLowerCase() === v.toLowerCase())) out.push(v);
  return out;
}

function withList(p: Profile, key: 'diplomas' | 'majors', list: string[]): Profile {
  const out = { ...p };
  if (list.length) out[key] = list;
  else delete out[key];
  return out;
}

export function ProfilePage() {
  const [saved, setSaved] = useState<Profile | null>(null);
  const [draft, setDraft] = useState<Profile>();
  const [yearsText, setYearsText] = useState('');
  const [notice, setNotice] = useState<Notice>();
  // The field a failed Save points at: marked invalid, described by its message, and focused.
  const [invalid, setInvalid] = useState<{ field: 'years' | 'skills'; text: string; at: number }>();
  useLayoutEffect(() => {
    if (invalid) document.getElementById(invalid.field)?.focus();
  }, [invalid]);

  const show = (p: Profile) => {
    setDraft(p);
    setYearsText(p.years === undefined ? '' : String(p.years));
  };

  useEffect(() => {
    void loadProfile(browser.storage.local).then((stored) => {
      setSaved(stored.profile);
      show(stored.profile ?? emptyProfile());
      if (stored.problem) setNotice({ kind: 'error', text: stored.problem });
    });
  }, []);

  if (!draft) return <main class="profile">Loading…</main>;

  const edit = (p: Profile) => {
    setDraft(p);
    setNotice(undefined);
    setInvalid(undefined);
  };

  const setYears = (text: string) => {
    setYearsText(text);
    const n = Number(text);
    const out = { ...draft };
    if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 80) delete out.years;
    else out.years = Math.round(n * 10) / 10;
    edit(out);
  };

  const store = async (p: Profile, done: string) => {
    try {
      const kept = await saveProfile(browser.storage.local, p);
      setSaved(kept);
      show(kept);
      setNotice({ kind: 'ok', text: done });
    } catch (err) {
      setNotice({ kind: 'error', text: `Not saved: ${errorMessage(err)}` });
    }
  };

  const save = () => {
    const fail = (field: 'years' | 'skills', text: string) => {
      setInvalid({ field, text, at: Date.now() });
      setNotice({ kind: 'error', text: `Not saved: ${text}` });
    };
    if (yearsText.trim() !== '' && draft.years === undefined)
      return fail('years', 'Years of experience must be a number from 0 to 80.');
    if (isEmptyProfile(draft))
      return fail('skills', 'Add at least one skill first (or use Delete profile to remove it).');
    setInvalid(undefined);
    void store(draft, `Saved. The popup now compares postings with your ${pluralize(draft.skills.length, 'skill')}.`);
  };

  const remove = async () => {
    await deleteProfile(browser.storage.local);
    setSaved(null);
    // The draft stays on screen: Save brings the profile back.
    setNotice({
      kind: 'info',
      text: 'Profile deleted from this browser. The values stay on this page until you close it: Save restores them.',
    });
  };

  const dirty = !same(saved, draft);

  return (
    <main class="profile" data-testid="profile-page">
      <h1>Your skills profile</h1>
      <p class="lead">
        With a profile, the popup shows how you fit each posting: the share of its skills you have, what is missing, and
        your years and degrees against what it asks. The profile stays in this browser.
      </p>
      <ListEditor
        id="skills"
        label="Skills"
        hint="Type a skill and press Enter, or paste a list (commas, lines or bullets). Other spellings of one skill are kept once (JS = JavaScript)."
        testid="profile-skill"
        values={draft.skills}
        placeholder="e.g. TypeScript, React, PostgreSQL"
        error={invalid?.field === 'skills' ? invalid.text : undefined}
        onAdd={(v) => edit(addSkills(draft, v))}
        onRemove={(v) => edit(removeSkill(draft, v))}
      />
      <div class="field">
        <label for="years">Years of experience</label>
        <input
          id="years"
          type="number"
          min={0}
          max={80}
          step={0.5}
          data-testid="profile-years"
          aria-invalid={invalid?.field === 'years' ? 'true' : undefined}
          aria-describedby={invalid?.field === 'years' ? 'years-error' : undefined}
          value={yearsText}
          onInput={(e) => setYears(e.currentTarget.value)}
        />
        {invalid?.field === 'years' && (
          <p class="field-error" id="years-error" data-testid="profile-years-error">
            {invalid.text}
          </p>
        )}
      </div>
      <ListEditor
        id="diplomas"
        label="Diplomas"
        hint="e.g. BS, Master's degree, PhD."
        testid="profile-diploma"
        values={draft.diplomas ?? []}
        placeholder="e.g. BS"
        split={splitValues}
        onAdd={(v) => edit(withList(draft, 'diplomas', addValues(draft.diplomas, v)))}
        onRemove={(v) =>
          edit(
            withList(
              draft,
              'diplomas',
              (draft.diplomas ?? []).filter((d) => d !== v),
            ),
          )
        }
      />
      <ListEditor
        id="majors"
        label="Majors"
        hint="Your fields of study, e.g. computer science."
        testid="profile-major"
        values={draft.majors ?? []}
        placeholder="e.g. computer science"
        split={splitValues}
        onAdd={(v) => edit(withList(draft, 'majors', addValues(draft.majors, v)))}
        onRemove={(v) =>
          edit(
            withList(
              draft,
              'majors',
              (draft.majors ?? []).filter((d) => d !== v),
            ),
          )
        }
      />
      <div class="row buttons">
        <button type="button" class="button primary" data-testid="profile-save" onClick={save}>
          Save
        </button>
        {saved && (
          <button type="button" class="button" data-testid="profile-delete" onClick={() => void remove()}>
            Delete profile
          </button>
        )}
        <span class="status" data-testid="profile-state">
          {dirty ? 'Unsaved changes' : saved ? 'Saved' : 'No profile saved yet'}
        </span>
      </div>
      {notice && (
        <p
          class={`notice ${notice.kind}`}
          data-testid="profile-notice"
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      <ResumeExtract
        onExtracted={(found) => {
          // show(), not edit(): the years field follows when the résumé states years.
          show(mergeProfiles(draft, found));
          setNotice(undefined);
        }}
      />
      <ProfileFile
        profile={draft}
        onImport={(p) => void store(p, `Imported and saved: ${pluralize(p.skills.length, 'skill')}.`)}
        onError={(text) => setNotice({ kind: 'error', text })}
      />
    </main>
  );
}
