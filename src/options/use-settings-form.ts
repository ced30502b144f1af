// The settings form's state and what its buttons dispatch: the form as typed, the key being typed,
// the field messages, the notice and the settings last saved. The use cases themselves are in
// settings-actions.ts; this hook only applies what they return.
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../core/text';
import { sendMessage, type PublicSettings } from '../shared/messages';
import type { NoticeState } from '../shared/Notice';
import { focusFirstInvalid } from './components/Field';
import { toForm, type SettingsForm } from './form';
import {
  formProblems,
  keySavedFor,
  removeKey,
  saveSettings,
  testConnection,
  TESTING,
  type FieldIssues,
  type Outcome,
} from './settings-actions';

/** Field messages; once a failed save or test shows some, focus goes to the first field in error. */
function useFieldIssues() {
  const [issues, setIssues] = useState<FieldIssues>({});
  const focusInvalid = useRef(false);
  useEffect(() => {
    if (!focusInvalid.current || Object.keys(issues).length === 0) return;
    focusInvalid.current = false;
    focusFirstInvalid();
  }, [issues]);
  const showIssues = (found: FieldIssues) => {
    focusInvalid.current = Object.keys(found).length > 0;
    setIssues(found);
  };
  return [issues, showIssues] as const;
}

export function useSettingsForm() {
  const [saved, setSaved] = useState<PublicSettings>();
  const [form, setForm] = useState<SettingsForm>();
  const [apiKey, setApiKey] = useState('');
  const [issues, showIssues] = useFieldIssues();
  const [notice, setNotice] = useState<NoticeState>();
  const [testing, setTesting] = useState(false);
  const [removing, setRemoving] = useState(false);

  useEffect(() => {
    sendMessage('get-settings', {}).then(
      (s) => {
        setSaved(s);
        setForm(toForm(s));
      },
      (err) => setNotice({ kind: 'error', text: errorMessage(err) }),
    );
  }, []);

  /** Shows an action's outcome; settings the worker saved are shown back in the form unless `keepForm`. */
  const show = (outcome: Outcome, keepForm = false) => {
    if (outcome.issues) showIssues(outcome.issues);
    setNotice(outcome.notice);
    if (!outcome.saved) return;
    setSaved(outcome.saved);
    setApiKey('');
    if (!keepForm) setForm(toForm(outcome.saved));
  };
  /** Save and Test run on a valid form only; an invalid one shows its field messages instead. */
  const whenValid = (run: (valid: SettingsForm) => Promise<void>) => {
    if (!form) return;
    const problems = formProblems(form);
    showIssues(problems?.issues ?? {});
    if (problems) return show(problems);
    void run(form);
  };

  return {
    saved,
    form,
    apiKey,
    issues,
    notice,
    testing,
    removing,
    /** Set when the form's base URL is on another server than the saved key's (see keySavedFor). */
    keySavedFor: form && keySavedFor(saved, form.baseURL),
    setApiKey,
    update: (patch: Partial<SettingsForm>) => {
      if (form) setForm({ ...form, ...patch });
      showIssues({});
    },
    save: () => whenValid(async (valid) => show(await saveSettings(valid, apiKey, saved))),
    test: () =>
      whenValid(async (valid) => {
        setTesting(true);
        setNotice(TESTING);
        show(await testConnection(valid, apiKey));
        setTesting(false);
      }),
    removeKey: async () => {
      setRemoving(true);
      // The form keeps what is typed in it: removing the key changes nothing else.
      show(await removeKey(), true);
      setRemoving(false);
    },
  };
}

export type SettingsFormState = ReturnType<typeof useSettingsForm>;
