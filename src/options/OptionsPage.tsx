// The options page: provider settings, presets, Save (with the optional host permission asked for
// in the click itself: browsers require a user gesture), Test connection and Remove key; then the
// side panel preferences, the saved training examples and the entries set aside as unreadable. The
// saved key belongs to the server it was saved for: pointed at another server, the page says so
// and the worker neither tests with it nor keeps it on Save (settings-actions.ts).
import { Notice } from '../shared/Notice';
import { PanelOptions } from './components/PanelOptions';
import { SetAsideItems } from './components/SetAsideItems';
import { SettingsForm } from './components/SettingsForm';
import { SettingsResetNotice } from './components/SettingsResetNotice';
import { TrainingExamples } from './components/TrainingExamples';
import { useSettingsForm } from './use-settings-form';

export function OptionsPage() {
  const settings = useSettingsForm();
  if (!settings.form)
    return <main class="options">{settings.notice ? <Notice notice={settings.notice} /> : <p>Loading…</p>}</main>;
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
      <SettingsResetNotice saved={settings.saved} />
      <SettingsForm state={settings} form={settings.form} />
      <PanelOptions />
      <TrainingExamples />
      <SetAsideItems />
    </main>
  );
}
