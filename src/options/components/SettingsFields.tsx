// One settings field from its row in fields.ts: the labelled control with its hint or message, its
// value read from the form and every edit sent back as a patch.
import type { InputSpec, SelectSpec } from '../fields';
import type { SettingsForm } from '../form';
import { Field } from './Field';

/** What every field row needs from the form: the values, the field messages and the way to edit. */
export interface FormBinding {
  form: SettingsForm;
  issues: Record<string, string>;
  update: (patch: Partial<SettingsForm>) => void;
}

export function InputField({ spec, form, issues, update }: { spec: InputSpec } & FormBinding) {
  return (
    <Field label={spec.label} name={spec.name} error={issues[spec.name]} hint={spec.hint}>
      <input
        id={spec.name}
        data-testid={spec.testId}
        {...spec.attrs}
        value={form[spec.name]}
        onInput={(e) => update({ [spec.name]: e.currentTarget.value })}
      />
    </Field>
  );
}

export function SelectField({ spec, form, issues, update }: { spec: SelectSpec } & FormBinding) {
  return (
    <Field label={spec.label} name={spec.name} error={issues[spec.name]} hint={spec.hint}>
      <select
        id={spec.name}
        data-testid={spec.testId}
        value={form[spec.name]}
        // The options are the field's own values, so the chosen one is always one of its type.
        onChange={(e) => update({ [spec.name]: e.currentTarget.value } as Partial<SettingsForm>)}
      >
        {spec.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}
