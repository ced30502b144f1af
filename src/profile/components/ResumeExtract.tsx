// "Extract from résumé text": the pasted text goes to the service worker ('extract-text'), which
// runs the same pipeline as postings with the user's settings (their model, or the offline
// extractor); the page never sees the API key. What comes back is offered to the editor.
import { useEffect, useState } from 'preact/hooks';
import { SETTINGS_ERROR_CODES, type ErrorInfo } from '../../core/errors';
import { profileFromEntities, type Profile } from '../../core/match';
import { resolveProvider } from '../../core/settings';
import { MessageError, sendMessage, type PublicSettings } from '../../shared/messages';
import { pluralize } from '../../core/text';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; error: ErrorInfo };

/** What will answer, in words: the user's model or the offline extractor. */
function describeProvider(s: PublicSettings): string {
  return resolveProvider({ ...s, apiKey: '' }) === 'local' ? 'the offline extractor' : `your model ${s.model}`;
}

function foundText(p: Profile): string {
  const parts = [pluralize(p.skills.length, 'skill')];
  if (p.years !== undefined) parts.push(`${p.years} years`);
  if (p.diplomas?.length) parts.push(`diploma${p.diplomas.length > 1 ? 's' : ''}: ${p.diplomas.join(', ')}`);
  if (p.majors?.length) parts.push(`major${p.majors.length > 1 ? 's' : ''}: ${p.majors.join(', ')}`);
  return parts.join('; ');
}

export function ResumeExtract({ onExtracted }: { onExtracted: (found: Profile) => void }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [who, setWho] = useState('');

  useEffect(() => {
    sendMessage('get-settings', {}).then(
      (s) => setWho(describeProvider(s)),
      () => setWho(''),
    );
  }, []);

  const extract = async () => {
    setState({ kind: 'busy' });
    try {
      const result = await sendMessage('extract-text', { text, title: 'Résumé' });
      const found = profileFromEntities(result);
      onExtracted(found);
      setState({
        kind: 'done',
        text:
          found.skills.length || found.years !== undefined || found.diplomas || found.majors
            ? `Found ${foundText(found)}. Added to your profile above: review, then Save.`
            : 'Nothing found in this text. Paste the part of your résumé that lists skills, degrees and experience.',
      });
    } catch (err) {
      setState({
        kind: 'error',
        error: err instanceof MessageError ? err.info : { code: 'unknown', message: String(err) },
      });
    }
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
      {state.kind === 'error' && (
        <div class="error" role="alert" data-code={state.error.code}>
          <p data-testid="resume-error">{state.error.message}</p>
          {SETTINGS_ERROR_CODES.has(state.error.code) && (
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
      )}
    </section>
  );
}
