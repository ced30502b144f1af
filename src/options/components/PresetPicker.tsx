// Server presets: fill the base URL and explain what the server needs.
import { SERVER_PRESETS } from '../presets';

export function PresetPicker({ baseURL, onPick }: { baseURL: string; onPick: (url: string) => void }) {
  const current =
    SERVER_PRESETS.find((p) => p.baseURL === baseURL) ??
    SERVER_PRESETS.find((p) => p.id === 'azure' && /\.openai\.azure\.com\//.test(baseURL));
  return (
    <fieldset class="presets" data-testid="presets">
      <legend>Server</legend>
      <div class="row">
        {SERVER_PRESETS.map((p) => (
          <button
            type="button"
            key={p.id}
            class={`button${current?.id === p.id ? ' primary' : ''}`}
            data-testid={`preset-${p.id}`}
            aria-pressed={current?.id === p.id}
            onClick={() => onPick(p.baseURL)}
          >
            {p.name}
          </button>
        ))}
      </div>
      {current && (
        <p class="field-hint" data-testid="preset-help">
          {current.help}
        </p>
      )}
    </fieldset>
  );
}
