// The popup, the side panel and the detached window share this view: capturing -> extracting
// (model shown, cancellable) -> chips | nothing found | not a posting | error, and, in the panel
// and the window, "New posting — Extract" when their tab shows a page not read yet.
// Layout for a 375 × 600 toolbar popup: a skip link, the header (with the collection always one
// click away), the sticky action bar (Copy all, Save to collection, Export), the match summary,
// then the chips (skills most confident first, 12 until "Show all").
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isEmpty } from '../core/entities';
import { matchSkills } from '../core/match';
import { ActionBar } from './components/ActionBar';
import { ChipGroups } from './components/ChipGroups';
import { useCorrections } from './components/EditableChipsState';
import { HighlightToggle } from './components/HighlightToggle';
import { ImproveMenu } from './components/ImproveMenu';
import { CompareLink, MatchDetails, MatchPanel } from './components/MatchPanel';
import { NewPosting } from './components/NewPosting';
import { OfflineHint } from './components/OfflineHint';
import { PostingHeader } from './components/PostingHeader';
import { ReadScope } from './components/ReadScope';
import { ResultWarnings } from './components/ResultWarnings';
import { TextCutNotice } from './components/TextCutNotice';
import { JobFailure, JobProgress, NothingFound, SkipLink, ViewFooter } from './components/ViewParts';
import type { PopupParams } from './target-tab';
import { useHighlight } from './use-highlight';
import { useJob, type PopupStart } from './use-job';
import { useMatchMarks } from './use-match-marks';
import { useProfile } from './use-profile';

export function App({ params, start }: { params: PopupParams; start: PopupStart }) {
  const { view, tabId, reextract, extract, cancel, agreeAutoExtract, rescope } = useJob(params, start);
  const job = view.kind === 'job' ? view.job : undefined;
  const modelResult = job?.status === 'done' ? job.result : undefined;
  // The user's corrected set, when there is one, is what the view shows, copies and exports.
  const corrections = useCorrections(job?.posting, modelResult, job?.textHash);
  const result = corrections.result;
  const offline = job?.provider === 'local' || result?.meta.provider === 'local';
  // Removing and adding values is a mode: chips stay plain, one-click copy buttons until the user edits.
  const [editing, setEditing] = useState(false);
  const edit = editing && job?.posting ? corrections.edit : undefined;
  const busy =
    view.kind === 'starting' || (job !== undefined && (job.status === 'capturing' || job.status === 'extracting'));
  const found = result !== undefined && !isEmpty(result);

  const profile = useProfile();
  const match = useMemo(
    () => (profile && result && found ? matchSkills(profile, result) : undefined),
    [profile, result, found],
  );
  const marks = useMatchMarks(match, result);
  const highlight = useHighlight(found ? tabId : undefined, found ? result : undefined, match);
  const state = view.kind === 'job' ? view.job.status : view.kind;
  const root = useAutofocus(state, found);
  useEffect(() => setEditing(false), [job?.id]);

  return (
    <main ref={root} class="popup" data-testid="popup" data-state={state} data-mode={params.mode}>
      {found && <SkipLink />}
      <PostingHeader job={job} offline={offline} />
      {found && <ActionBar posting={job?.posting} result={result} />}
      {match && <MatchPanel match={match} />}
      <JobProgress view={view} job={job} onCancel={cancel} />
      {view.kind === 'idle' && <NewPosting consent={view.consent} onExtract={extract} onAgree={agreeAutoExtract} />}
      <JobFailure view={view} job={job} reextract={reextract} />
      {modelResult && <ResultWarnings result={modelResult} />}
      {job?.status === 'done' && job.cut && <TextCutNotice tabId={tabId} cut={job.cut} selection={params.selection} />}
      {result && isEmpty(result) && !corrections.edited && !edit && <NothingFound />}
      {result && (
        <div class="tools" id="view-actions" tabIndex={-1}>
          {found && <HighlightToggle highlight={highlight} />}
          {job?.posting && (
            <ImproveMenu
              posting={job.posting}
              corrections={corrections}
              editing={editing}
              onToggleEdit={() => setEditing(!editing)}
            />
          )}
        </div>
      )}
      {modelResult && <ReadScope meta={modelResult.meta} onScope={rescope} />}
      {result && (found || corrections.edited || edit) && (
        <ChipGroups entities={result} edit={edit} marks={marks} reveal={highlight.on ? highlight.reveal : undefined} />
      )}
      {match && <MatchDetails match={match} />}
      {found && profile === null && <CompareLink />}
      {result && offline && <OfflineHint />}
      <ViewFooter disabled={busy || tabId === undefined} tabId={tabId} onReextract={() => reextract()} />
    </main>
  );
}

/**
 * The view opens with focus on its first action (Copy all once chips are there), and after each
 * change of state: keyboard users start where the work is.
 */
function useAutofocus(state: string, found: boolean) {
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    const first = root.current?.querySelector<HTMLElement>('[data-autofocus]');
    if (first && !root.current?.contains(document.activeElement)) first.focus();
    else if (first && document.activeElement === document.body) first.focus();
  }, [state, found]);
  return root;
}
