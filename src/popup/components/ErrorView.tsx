// A failed extraction. A page that holds no posting is neutral information with one action; an
// error says what happened and what to do in the extension's own words, with one action (the
// settings when they are the cause, else Try again) and, when a model failed, a one-off re-read
// with the offline extractor.
import { SETTINGS_ERROR_CODES, type ErrorInfo } from '../../core/errors';
import { sendMessage } from '../../shared/messages';
import { inExtensionWords } from '../error-words';
import { RawAnswer } from './ResultWarnings';

/** Codes of a model that failed (not of the page or the user): the offline extractor can stand in. */
const MODEL_FAILURES = new Set([
  'no_model',
  'invalid_key',
  'no_access',
  'not_found',
  'rate_limit',
  'quota',
  'server_error',
  'bad_request',
  'timeout',
  'unreachable',
  'host_permission',
]);

export function ErrorView({
  error,
  onRetry,
  onOffline,
  offlineAnswered,
}: {
  error: ErrorInfo;
  onRetry: () => void;
  onOffline: () => void;
  offlineAnswered: boolean;
}) {
  if (error.code === 'no_posting') {
    return (
      <section class="state-info" data-code={error.code} data-testid="not-a-posting">
        <p data-testid="error">{inExtensionWords(error.message)}</p>
        <p class="state-hint">
          If the posting is on this page, select its text and choose "Extract entities from selection" in the
          right-click menu.
        </p>
        <button type="button" class="button primary" data-testid="retry" data-autofocus onClick={onRetry}>
          Read the page again
        </button>
      </section>
    );
  }
  const settings = SETTINGS_ERROR_CODES.has(error.code);
  const modelFailed = MODEL_FAILURES.has(error.code) && !offlineAnswered;
  return (
    <section class="error" role="alert" data-code={error.code}>
      <p data-testid="error">{inExtensionWords(error.message)}</p>
      {error.raw !== undefined && <RawAnswer text={error.raw} />}
      <div class="row">
        {settings ? (
          <button
            type="button"
            class="button primary"
            data-testid="open-settings"
            data-autofocus
            onClick={() => void sendMessage('open-options', {})}
          >
            Open settings
          </button>
        ) : (
          <button type="button" class="button primary" data-testid="retry" data-autofocus onClick={onRetry}>
            Try again
          </button>
        )}
        {modelFailed && (
          <button type="button" class="button" data-testid="use-offline" onClick={onOffline}>
            Use the offline extractor for now
          </button>
        )}
      </div>
    </section>
  );
}
