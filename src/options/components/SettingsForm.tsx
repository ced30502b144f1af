// The provider settings form: server presets, base URL, key, model, mode, what is read, the
// advanced fields, Save and Test connection, and the notice saying how the last one went.
import { hostOf } from '../../shared/server-origin';
import { Notice } from '../../shared/Notice';
import { BASE_URL_FIELD, MODE_FIELD, MODEL_FIELD, SCOPE_FIELD } from '../fields';
import type { SettingsForm as Form } from '../form';
import type { SettingsFormState } from '../use-settings-form';
import { AdvancedFields } from './AdvancedFields';
import { ApiKeyField } from './ApiKeyField';
import { PresetPicker } from './PresetPicker';
import { InputField, SelectField } from './SettingsFields';

export function SettingsForm({ state, form }: { state: SettingsFormState; form: Form }) {
  const binding = { form, issues: state.issues, update: state.update };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        state.save();
      }}
      noValidate
    >
      <PresetPicker baseURL={form.baseURL} onPick={(baseURL) => state.update({ baseURL })} />
      <InputField spec={BASE_URL_FIELD} {...binding} />
      <ApiKeyField
        value={state.apiKey}
        hasKey={state.saved?.hasKey ?? false}
        savedFor={state.keySavedFor}
        host={hostOf(form.baseURL)}
        error={state.issues.apiKey}
        removing={state.removing}
        onInput={state.setApiKey}
        onRemove={() => void state.removeKey()}
      />
      <InputField spec={MODEL_FIELD} {...binding} />
      <SelectField spec={MODE_FIELD} {...binding} />
      <SelectField spec={SCOPE_FIELD} {...binding} />
      <AdvancedFields {...binding} />
      <div class="row buttons">
        <button type="submit" class="button primary" data-testid="save">
          Save
        </button>
        <button
          type="button"
          class="button"
          data-testid="test-connection"
          disabled={state.testing}
          onClick={state.test}
        >
          Test connection
        </button>
      </div>
      <Notice notice={state.notice} />
    </form>
  );
}
