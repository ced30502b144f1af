// The API key: masked with a Show toggle. The saved key is never sent to this page: it shows that
// a key is saved and lets the user replace it.
import { useState } from 'preact/hooks';
import { Field } from './Field';

export function ApiKeyField({ value, hasKey, error, onInput }: { value: string; hasKey: boolean; error?: string; onInput: (v: string) => void }) {
  const [shown, setShown] = useState(false);
  const inputProps = {
    id: 'apiKey',
    'data-testid': 'api-key',
    autoComplete: 'off',
    spellcheck: false,
    value,
    placeholder: hasKey ? '•••••••• (saved)' : 'sk-…',
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <Field label="API key" name="apiKey" error={error} hint={hasKey ? 'A key is saved. Type a new one to replace it.' : 'No key saved. Local servers usually accept any key.'}>
      <div class="row">
        {shown ? <input type="text" {...inputProps} /> : <input type="password" {...inputProps} />}
        <button type="button" class="button" data-testid="show-key" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Show'}
        </button>
      </div>
    </Field>
  );
}
