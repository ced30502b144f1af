// Shown under results from the embedded offline extractor.
import { sendMessage } from '../../shared/messages';

export function OfflineHint() {
  return (
    <aside class="hint" data-testid="offline-hint">
      <p>These come from the built-in offline extractor. Your own fine-tuned model gives better results.</p>
      <button
        type="button"
        class="button"
        data-testid="configure-model"
        onClick={() => void sendMessage('open-options', {})}
      >
        Configure a fine-tuned model
      </button>
    </aside>
  );
}
