// Advanced settings: the prompt separator, the stop sequence, the answer budget and the timeout.
import type { SettingsForm } from '../form';
import { Field } from './Field';

export function AdvancedFields({
  form,
  issues,
  update,
}: {
  form: SettingsForm;
  issues: Record<string, string>;
  update: (p: Partial<SettingsForm>) => void;
}) {
  return (
    <details
      class="advanced"
      open={Object.keys(issues).some((k) =>
        ['separator', 'stop', 'maxTokens', 'timeoutSec', 'maxTextChars'].includes(k),
      )}
    >
      <summary>Advanced</summary>
      <Field
        label="Separator"
        name="separator"
        error={issues.separator}
        hint="Appended to the prompt, exactly as in training (\n is a line break)."
      >
        <input
          id="separator"
          data-testid="separator"
          type="text"
          value={form.separator}
          onInput={(e) => update({ separator: e.currentTarget.value })}
        />
      </Field>
      <Field label="Stop" name="stop" error={issues.stop} hint="Where the model's answer ends, as in training.">
        <input
          id="stop"
          data-testid="stop"
          type="text"
          value={form.stop}
          onInput={(e) => update({ stop: e.currentTarget.value })}
        />
      </Field>
      <Field label="Max tokens" name="maxTokens" error={issues.maxTokens} hint="The answer's token budget (16–16384).">
        <input
          id="maxTokens"
          data-testid="max-tokens"
          type="number"
          min={16}
          max={16384}
          value={form.maxTokens}
          onInput={(e) => update({ maxTokens: e.currentTarget.value })}
        />
      </Field>
      <Field
        label="Timeout (seconds)"
        name="timeoutSec"
        error={issues.timeoutSec}
        hint="Per request, 1–120 s (the CLI uses it as is; the extension stops at 28 s, since Chrome stops a worker that waits 30 s for an answer)."
      >
        <input
          id="timeoutSec"
          data-testid="timeout"
          type="number"
          min={1}
          max={120}
          value={form.timeoutSec}
          onInput={(e) => update({ timeoutSec: e.currentTarget.value })}
        />
      </Field>
      <Field
        label="Text limit (characters)"
        name="maxTextChars"
        error={issues.maxTextChars}
        hint="The most characters of a posting sent per click; a longer page is cut and the popup offers to send it all."
      >
        <input
          id="maxTextChars"
          data-testid="max-text-chars"
          type="number"
          min={1000}
          max={10000000}
          value={form.maxTextChars}
          onInput={(e) => update({ maxTextChars: e.currentTarget.value })}
        />
      </Field>
    </details>
  );
}
