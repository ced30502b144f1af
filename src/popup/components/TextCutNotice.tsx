// A posting longer than the text cap (the maxTextChars setting) was cut before it was sent: say how
// much, and offer to send it all, with the number of requests that takes.
import { useState } from 'preact/hooks';
import { errorMessage, pluralize } from '../../core/text';
import { sendMessage, type JobState } from '../../shared/messages';

const n = (x: number) => x.toLocaleString('en');

export function TextCutNotice({
  tabId,
  cut,
  selection,
}: {
  tabId: number | undefined;
  cut: NonNullable<JobState['cut']>;
  selection: boolean;
}) {
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string>();
  const sendAll = () => {
    if (tabId === undefined) return;
    setSending(true);
    // The job's progress and result come back through storage.session, as for any extraction.
    sendMessage('extract', { tabId, force: true, all: true, selection }).then(
      () => setSending(false),
      (err: unknown) => (setSending(false), setProblem(errorMessage(err))),
    );
  };
  return (
    <section class="hint" role="status" data-testid="text-cut">
      This posting is long: the first {n(cut.kept)} of {n(cut.total)} characters were read ({n(cut.total - cut.kept)}{' '}
      cut).{' '}
      <button type="button" class="button" data-testid="send-all" disabled={sending} onClick={sendAll}>
        Send all ({pluralize(cut.requests, 'request')})
      </button>
      {problem && <span role="alert"> {problem}</span>}
    </section>
  );
}
