// A labelled form field with its hint and its validation message.
import type { ComponentChildren } from 'preact';

export function Field({ label, name, hint, error, children }: { label: string; name: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={name}>{label}</label>
      {children}
      {error ? (
        <p class="field-error" data-testid={`error-${name}`} role="alert">
          {error}
        </p>
      ) : (
        hint && <p class="field-hint">{hint}</p>
      )}
    </div>
  );
}
