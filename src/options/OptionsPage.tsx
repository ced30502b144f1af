// The options page: provider settings, presets, Save (with the optional host permission asked for
// in the click itself: browsers require a user gesture), Test connection and Remove key. The saved
// key belongs to the server it was saved for: pointed at another server, the page says so and the
// worker neither tests with it nor keeps it on Save.
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { MessageError, sendMessage, type PublicSettings } from '../shared/messages';
import { hostOf, isOtherServer, originOf, originPattern } from '../shared/server-origin';
import { AdvancedFields } from './components/AdvancedFields';
import { ApiKeyField } from './components/ApiKeyField';
import { Field, focusFirstInvalid } from './components/Field';
import { PanelOptions } from './components/PanelOptions';
import { PresetPicker } from './components/PresetPicker';
import { SetAsideItems } from './components/SetAsideItems';
import { SettingsResetNotice } from './components/SettingsResetNotice';
import { TrainingExamples } from './components/TrainingExamples';
import { issuesToForm, toDraft, toForm, validateForm, type SettingsForm } from './form';
import { isPreGrantedHost } from './presets';

type Notice = { kind: 'ok' | 'error' | 'info'; text: string } | undefined;

export function OptionsPage() {
  const [saved, setSaved] = useState<PublicSettings>();
  const [form, setForm] = useState<SettingsForm>();
  const [apiKey, setApiKey] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>();
  const [testing, setTesting] = useState(false);
  const [removing, setRemoving] = useState(false);
  // Set by a failed save or test: once the fields show their errors, focus goes to the first one.
  const focusInvalid = useRef(false);
  useEffect(() => {
    if (!focusInvalid.current || Object.keys(issues).length === 0) return;
    focusInvalid.current = false;
    focusFirstInvalid();
  }, [issues]);
  const showIssues = (found: Record<string, string>) => {
    focusInvalid.current = Object.keys(found).length > 0;
    setIssues(found);
  };

  useEffect(() => {
    sendMessage('get-settings', {}).then(
      (s) => {
        setSaved(s);
        setForm(toForm(s));
      },
      (err) => setNotice({ kind: 'error', text: (err as Error).message }),
    );
  }, []);

  if (!form) return <main class="options">{notice ? <p data-testid="notice">{notice.text}</p> : <p>Loading…</p>}</main>;

  const update = (patch: Partial<SettingsForm>) => {
    setForm({ ...form, ...patch });
    setIssues({});
  };

  const draft = () => ({ settings: toDraft(form), ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}) });
  /** The saved key's host when the form's base URL is on another server (the worker then leaves that key out). */
  const keySavedFor =
    saved?.hasKey && originOf(form.baseURL) !== undefined && isOtherServer(saved.baseURL, form.baseURL)
      ? hostOf(saved.baseURL)
      : undefined;

  const save = async () => {
    const local = validateForm(form);
    showIssues(local);
    if (Object.keys(local).length > 0) return setNotice({ kind: 'error', text: 'Fix the highlighted fields.' });
    // Asked before any other await: the permission prompt needs the click's user gesture.
    let permissionNote = '';
    const droppedKeyFor = apiKey.trim() ? undefined : keySavedFor;
    if (!isPreGrantedHost(form.baseURL)) {
      const granted = await browser.permissions
        .request({ origins: [originPattern(form.baseURL.trim())] })
        .catch(() => false);
      if (!granted)
        permissionNote = ` The browser did not grant access to ${hostOf(form.baseURL)}: requests to it will fail until you save again and allow it.`;
    }
    try {
      const reply = await sendMessage('save-settings', draft());
      if (!reply.ok || !reply.settings) {
        showIssues(issuesToForm(reply.issues ?? {}));
        return setNotice({ kind: 'error', text: 'Fix the highlighted fields.' });
      }
      setSaved(reply.settings);
      setForm(toForm(reply.settings));
      setApiKey('');
      const keyNote =
        droppedKeyFor && !reply.settings.hasKey
          ? ` The key saved for ${droppedKeyFor} was removed (it is only sent to the server it was saved for): enter the key for this server if it needs one.`
          : '';
      setNotice({ kind: permissionNote ? 'error' : 'ok', text: `Saved.${keyNote}${permissionNote}` });
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof MessageError ? err.info.message : String(err) });
    }
  };

  const test = async () => {
    const local = validateForm(form);
    showIssues(local);
    if (Object.keys(local).length > 0) return setNotice({ kind: 'error', text: 'Fix the highlighted fields.' });
    setTesting(true);
    setNotice({ kind: 'info', text: 'Testing…' });
    try {
      const reply = await sendMessage('test-connection', draft());
      if (reply.issues) showIssues(issuesToForm(reply.issues));
      setNotice({ kind: reply.ok ? 'ok' : 'error', text: reply.message });
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof MessageError ? err.info.message : String(err) });
    } finally {
      setTesting(false);
    }
  };

  const removeKey = async () => {
    setRemoving(true);
    try {
      // An empty settings draft changes nothing else; apiKey '' removes the saved key.
      const reply = await sendMessage('save-settings', { settings: {}, apiKey: '' });
      if (!reply.ok || !reply.settings)
        return setNotice({
          kind: 'error',
          text: 'The key could not be removed: the background worker refused the change. Reload this page and try again.',
        });
      setSaved(reply.settings);
      setApiKey('');
      setNotice({ kind: 'ok', text: 'Key removed: no key is saved now.' });
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof MessageError ? err.info.message : String(err) });
    } finally {
      setRemoving(false);
    }
  };

  return (
    <main class="options">
      <h1>Job Entities — settings</h1>
      <p class="lead">
        Leave the model empty to use the built-in offline extractor. To use your fine-tuned model, pick your server,
        then fill in the key and the model id. Settings stay in this browser (never synced); the key is only sent to the
        server it was saved for.
      </p>
      <p class="lead">
        Candidate mode:{' '}
        <a href="../profile/profile.html" data-testid="open-profile">
          your skills profile
        </a>{' '}
        (the popup compares each posting with it).
      </p>
      <SettingsResetNotice saved={saved} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <PresetPicker baseURL={form.baseURL} onPick={(baseURL) => update({ baseURL })} />
        <Field
          label="Base URL"
          name="baseURL"
          error={issues.baseURL}
          hint="The server's OpenAI-compatible /v1 address."
        >
          <input
            id="baseURL"
            data-testid="base-url"
            type="url"
            value={form.baseURL}
            onInput={(e) => update({ baseURL: e.currentTarget.value })}
          />
        </Field>
        <ApiKeyField
          value={apiKey}
          hasKey={saved?.hasKey ?? false}
          savedFor={keySavedFor}
          host={hostOf(form.baseURL)}
          error={issues.apiKey}
          removing={removing}
          onInput={setApiKey}
          onRemove={() => void removeKey()}
        />
        <Field
          label="Model"
          name="model"
          error={issues.model}
          hint="Your fine-tuned model id, a deployment name (Azure) or a local model name. Empty: offline extractor."
        >
          <input
            id="model"
            data-testid="model"
            type="text"
            spellcheck={false}
            value={form.model}
            placeholder="ft:davinci-002:my-org:jobs:abc123"
            onInput={(e) => update({ model: e.currentTarget.value })}
          />
        </Field>
        <Field
          label="Mode"
          name="mode"
          error={issues.mode}
          hint="Auto: completion for davinci-002/babbage-002 and their fine-tunes, chat otherwise."
        >
          <select
            id="mode"
            data-testid="mode"
            value={form.mode}
            onChange={(e) => update({ mode: e.currentTarget.value as SettingsForm['mode'] })}
          >
            <option value="auto">auto</option>
            <option value="completion">completion</option>
            <option value="chat">chat</option>
          </select>
        </Field>
        <Field
          label="Read"
          name="scope"
          error={issues.scope}
          hint="Focused: the requirements, nice-to-have and responsibilities sections, as the model was trained; a posting without them is read whole."
        >
          <select
            id="scope"
            data-testid="scope"
            value={form.scope}
            onChange={(e) => update({ scope: e.currentTarget.value as SettingsForm['scope'] })}
          >
            <option value="focused">what the job asks for (focused)</option>
            <option value="whole">the whole posting</option>
          </select>
        </Field>
        <AdvancedFields form={form} issues={issues} update={update} />
        <div class="row buttons">
          <button type="submit" class="button primary" data-testid="save">
            Save
          </button>
          <button
            type="button"
            class="button"
            data-testid="test-connection"
            disabled={testing}
            onClick={() => void test()}
          >
            Test connection
          </button>
        </div>
        {notice && (
          <p class={`notice ${notice.kind}`} data-testid="notice" role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </p>
        )}
      </form>
      <PanelOptions />
      <TrainingExamples />
      <SetAsideItems />
    </main>
  );
}
