// An error: what happened and what to do, a button to the options when settings are the cause.
import { SETTINGS_ERROR_CODES, type ErrorInfo } from '../../core/errors';
import { sendMessage } from '../../shared/messages';
import { RawAnswer } from './ResultWarnings';

export function ErrorView({ error, onRetry }: { error: ErrorInfo; onRetry: () => void }) {
  return (
    <section class="error" role="alert" data-code={error.code}>
      <p data-testid="error">{error.message}</p>
      {error.raw !== undefined && <RawAnswer text={error.raw} />}
      <div class="row">
        {SETTINGS_ERROR_CODES.has(error.code) && (
          <button type="button" class="button primary" data-testid="open-settings" onClick={() => void sendMessage('open-options', {})}>
            Open settings
          </button>
        )}
        <button type="button" class="button" data-testid="retry" onClick={onRetry}>
          Try again
        </button>
      </div>
    </section>
  );
}
