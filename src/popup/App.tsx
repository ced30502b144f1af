// The popup: capturing -> extracting (model shown, cancellable) -> chips | nothing found | error.
import { useState } from 'preact/hooks';
import { isEmpty } from '../core/entities';
import { Actions } from './components/Actions';
import { ChipGroups } from './components/ChipGroups';
import { useCorrections } from './components/EditableChipsState';
import { ErrorView } from './components/ErrorView';
import { ExportBar } from './components/ExportBar';
import { MatchPanel } from './components/MatchPanel';
import { OfflineHint } from './components/OfflineHint';
import { PostingHeader } from './components/PostingHeader';
import { Progress } from './components/Progress';
import { ReadScope } from './components/ReadScope';
import { ResultWarnings } from './components/ResultWarnings';
import { TextCutNotice } from './components/TextCutNotice';
import { SaveExample } from './components/SaveExample';
import type { PopupParams } from './target-tab';
import { useJob, type PopupStart } from './use-job';

export function App({ params, start }: { params: PopupParams; start: PopupStart }) {
  const { view, tabId, reextract, cancel, rescope } = useJob(params, start);
  const job = view.kind === 'job' ? view.job : undefined;
  const modelResult = job?.status === 'done' ? job.result : undefined;
  // The user's corrected set, when there is one, is what the popup shows, copies and exports.
  const corrections = useCorrections(job?.posting, modelResult, job?.textHash);
  const result = corrections.result;
  const offline = job?.provider === 'local' || result?.meta.provider === 'local';
  // Removing and adding values is a mode: chips stay plain, one-click copy buttons until the user edits.
  const [editing, setEditing] = useState(false);
  const edit = editing && job?.posting ? corrections.edit : undefined;

  return (
    <main class="popup" data-testid="popup" data-state={view.kind === 'job' ? view.job.status : view.kind}>
      <PostingHeader job={job} offline={offline} />
      {view.kind === 'starting' && <Progress status="capturing" />}
      {job && (job.status === 'capturing' || job.status === 'extracting') && <Progress status={job.status} model={job.model} onCancel={cancel} />}
      {view.kind === 'failed' && <ErrorView error={view.error} onRetry={reextract} />}
      {job?.status === 'error' && job.error && <ErrorView error={job.error} onRetry={reextract} />}
      {modelResult && <ResultWarnings result={modelResult} />}
      {job?.status === 'done' && job.cut && <TextCutNotice tabId={tabId} cut={job.cut} selection={params.selection} />}
      {result && isEmpty(result) && (
        <p class="empty" data-testid="nothing-found">
          No diploma, major, experience or skills found in this posting. If the page holds more than one posting, select the one you want and use
          "Extract entities from selection" in the right-click menu.
        </p>
      )}
      {modelResult && <ReadScope meta={modelResult.meta} onScope={rescope} />}
      {result && (!isEmpty(result) || corrections.edited || edit) && <ChipGroups entities={result} edit={edit} />}
      <Actions tabId={tabId} result={result} busy={!job || job.status === 'capturing' || job.status === 'extracting'} collectionLink={!(result && job?.posting)} onReextract={reextract} />
      {result && job?.posting && <SaveExample posting={job.posting} corrections={corrections} editing={editing} onToggleEdit={() => setEditing(!editing)} />}
      {result && !isEmpty(result) && <MatchPanel entities={result} />}
      {result && offline && <OfflineHint />}
      {result && job?.posting && <ExportBar posting={job.posting} result={result} />}
    </main>
  );
}
