// Advanced settings: the prompt separator, the stop sequence, the answer budget, the timeout and the
// text limit. Opened by itself when one of them is in error, so the message is seen.
import { ADVANCED_FIELDS } from '../fields';
import { InputField, type FormBinding } from './SettingsFields';

export function AdvancedFields(binding: FormBinding) {
  return (
    <details class="advanced" open={ADVANCED_FIELDS.some((f) => binding.issues[f.name] !== undefined)}>
      <summary>Advanced</summary>
      {ADVANCED_FIELDS.map((spec) => (
        <InputField key={spec.name} spec={spec} {...binding} />
      ))}
    </details>
  );
}
