// The candidate's profile editor: skills, years, diplomas and majors, filled by typing, pasting a
// list, extracting from a résumé, or importing a file. Edits are a draft until Save (an import is
// saved at once: choosing a file is the decision). Stored in storage.local (see profile-store.ts).
// The page renders; use-profile-editor.ts holds the state and actions.ts the use cases.
import { addSkills, removeSkill } from '../core/match';
import { Notice } from '../shared/Notice';
import { addListValues, removeListValue, sameProfile, type ValueList } from './actions';
import { ListEditor, splitValues } from './components/ListEditor';
import { ProfileFile } from './components/ProfileFile';
import { ResumeExtract } from './components/ResumeExtract';
import { SaveBar } from './components/SaveBar';
import { YearsField } from './components/YearsField';
import { useProfileEditor } from './use-profile-editor';

/** The diploma and major editors: free values, split on separators only. */
const VALUE_LISTS: { key: ValueList; label: string; hint: string; testid: string; placeholder: string }[] = [
  {
    key: 'diplomas',
    label: 'Diplomas',
    hint: "e.g. BS, Master's degree, PhD.",
    testid: 'profile-diploma',
    placeholder: 'e.g. BS',
  },
  {
    key: 'majors',
    label: 'Majors',
    hint: 'Your fields of study, e.g. computer science.',
    testid: 'profile-major',
    placeholder: 'e.g. computer science',
  },
];

export function ProfilePage() {
  const editor = useProfileEditor();
  const { draft, saved, invalid, edit } = editor;
  if (!draft) return <main class="profile">Loading…</main>;

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
      <YearsField
        text={editor.yearsText}
        error={invalid?.field === 'years' ? invalid.text : undefined}
        onInput={editor.setYears}
      />
      {VALUE_LISTS.map(({ key, ...list }) => (
        <ListEditor
          key={key}
          id={key}
          {...list}
          values={draft[key] ?? []}
          split={splitValues}
          onAdd={(v) => edit(addListValues(draft, key, v))}
          onRemove={(v) => edit(removeListValue(draft, key, v))}
        />
      ))}
      <SaveBar
        saved={saved !== null}
        dirty={!sameProfile(saved, draft)}
        onSave={editor.save}
        onDelete={editor.remove}
      />
      <Notice notice={editor.notice} testId="profile-notice" />
      <ResumeExtract onExtracted={editor.addFound} />
      <ProfileFile profile={draft} onImport={editor.importProfile} onError={editor.showError} />
    </main>
  );
}
