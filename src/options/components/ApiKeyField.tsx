// The API key: masked with a Show toggle. The saved key is never sent to this page: it shows that
// a key is saved, lets the user replace or remove it, and says when the base URL now points at
// another server than the one the key was saved for (that key is then neither tested nor kept there).
import { useState } from 'preact/hooks';
import { Field } from './Field';

export interface ApiKeyFieldProps {
  value: string;
  hasKey: boolean;
  /** The host the saved key was saved for, set when the form's base URL is on another server. */
  savedFor?: string;
  /** The host of the form's base URL (named in the note). */
  host?: string;
  error?: string;
  removing?: boolean;
  onInput: (v: string) => void;
  onRemove: () => void;
}

export function ApiKeyField({ value, hasKey, savedFor, host, error, removing, onInput, onRemove }: ApiKeyFieldProps) {
  const [shown, setShown] = useState(false);
  const elsewhere = hasKey && savedFor !== undefined;
  const inputProps = {
    id: 'apiKey',
    'data-testid': 'api-key',
    autoComplete: 'off',
    spellcheck: false,
    value,
    placeholder: hasKey && !elsewhere ? '•••••••• (saved)' : 'sk-…',
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  const hint = elsewhere
    ? undefined
    : hasKey
      ? 'A key is saved. Type a new one to replace it, or remove it.'
      : 'No key saved. Local servers usually accept any key.';
  return (
    <Field label="API key" name="apiKey" error={error} hint={hint}>
      <div class="row">
        {shown ? <input type="text" {...inputProps} /> : <input type="password" {...inputProps} />}
        <button
          type="button"
          class="button"
          data-testid="show-key"
          aria-pressed={shown}
          onClick={() => setShown(!shown)}
        >
          {shown ? 'Hide' : 'Show'}
        </button>
        {hasKey && (
          <button type="button" class="button" data-testid="remove-key" disabled={removing} onClick={onRemove}>
            Remove key
          </button>
        )}
      </div>
      {elsewhere && (
        <p class="field-hint" data-testid="key-origin-note" role="note">
          The saved key was for {savedFor}; enter the key for this server{host ? ` (${host})` : ''}. The saved key is
          not sent here, and Save {value.trim() ? 'replaces it with the key you typed' : 'removes it'}.
        </p>
      )}
    </Field>
  );
}
