// "Extract from résumé text": the pasted text is read by the service worker like a posting, with
// the user's settings (their model, or the offline extractor; see extractResume in actions.ts).
// What comes back is offered to the editor.
import { useEffect, useState } from 'preact/hooks';
import { SETTINGS_ERROR_CODES, type ErrorInfo } from '../../core/errors';
import type { Profile } from '../../core/match';
import { sendMessage } from '../../shared/messages';
import { describeExtractor, extractResume } from '../actions';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; error: ErrorInfo };

/** Why the extraction failed, with a way to the settings when they are the cause. */
function ResumeError({ error }: { error: ErrorInfo }) {
  return (
    <div class="error" role="alert" data-code={error.code}>
      <p data-testid="resume-error">{error.message}</p>
      {SETTINGS_ERROR_CODES.has(error.code) && (
        <button
          type="button"
          class="button primary"
          data-testid="open-settings"
          onClick={() => void sendMessage('open-options', {})}
        >
          Open settings
        </button>
      )}
    </div>
  );
}

export function ResumeExtract({ onExtracted }: { onExtracted: (found: Profile) => void }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [who, setWho] = useState('');

  useEffect(() => {
    void describeExtractor().then(setWho);
  }, []);

  const extract = async () => {
    setState({ kind: 'busy' });
    const outcome = await extractResume(text);
    if (outcome.ok) onExtracted(outcome.found);
    setState(outcome.ok ? { kind: 'done', text: outcome.text } : { kind: 'error', error: outcome.error });
  };

  return (
    <section class="resume" aria-labelledby="resume-label">
      <h2 id="resume-label">Extract from résumé text</h2>
      <p class="field-hint">
        Paste your résumé as text. It is read by {who || 'the extractor set in the options'}, like a job posting, and
        its skills, years, diplomas and majors are added to the profile.
      </p>
      <textarea
        data-testid="resume-text"
        rows={8}
        value={text}
        placeholder="Paste your résumé here…"
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="row">
        <button
          type="button"
          class="button"
          data-testid="resume-extract"
          disabled={!text.trim() || state.kind === 'busy'}
          onClick={() => void extract()}
        >
          {state.kind === 'busy' ? 'Extracting…' : 'Extract skills'}
        </button>
        {state.kind === 'done' && (
          <span class="status ok" data-testid="resume-status" role="status">
            {state.text}
          </span>
        )}
      </div>
      {state.kind === 'error' && <ResumeError error={state.error} />}
    </section>
  );
}
