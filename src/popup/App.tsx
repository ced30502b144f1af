// The popup, the side panel and the detached window share this view: capturing -> extracting
// (model shown, cancellable) -> chips | nothing found | not a posting | error, and, in the panel
// and the window, "New posting — Extract" when their tab shows a page not read yet.
// Layout for a 375 × 600 toolbar popup: a skip link, the header (with the collection always one
// click away), the sticky action bar (Copy all, Save to collection, Export), the match summary,
// then the chips (skills most confident first, 12 until "Show all").
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { groupForDisplay } from '../core/display';
import { isEmpty } from '../core/entities';
import { matchSkills, skillKey } from '../core/match';
import { ActionBar } from './components/ActionBar';
import type { ChipMark } from './components/Chip';
import { ChipGroups } from './components/ChipGroups';
import { useCorrections } from './components/EditableChipsState';
import { ErrorView } from './components/ErrorView';
import { HighlightToggle } from './components/HighlightToggle';
import { ImproveMenu } from './components/ImproveMenu';
import { CompareLink, MatchDetails, MatchPanel, useProfile } from './components/MatchPanel';
import { MoreMenu } from './components/MoreMenu';
import { NewPosting } from './components/NewPosting';
import { OfflineHint } from './components/OfflineHint';
import { PostingHeader } from './components/PostingHeader';
import { Progress } from './components/Progress';
import { ReadScope } from './components/ReadScope';
import { ResultWarnings } from './components/ResultWarnings';
import { TextCutNotice } from './components/TextCutNotice';
import type { PopupParams } from './target-tab';
import { useHighlight } from './use-highlight';
import { useJob, type PopupStart } from './use-job';

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
  const marks = useMemo(() => {
    if (!match || !result) return undefined;
    // Each distinct skill's first chip (in the posting's order) carries the match's test hooks.
    const byKey = new Map(match.chips.map((c) => [skillKey(c.value), c]));
    const seen = new Set<string>();
    const byRaw = new Map<string, ChipMark>();
    for (const g of groupForDisplay(result.skills)) {
      const key = skillKey(g.raw);
      const chip = byKey.get(key);
      if (!chip) continue;
      byRaw.set(g.raw, {
        matched: chip.matched,
        value: chip.value,
        first: !seen.has(key),
        importance: chip.importance,
      });
      seen.add(key);
    }
    return (raw: string): ChipMark | undefined => byRaw.get(raw);
  }, [match, result]);
  const highlight = useHighlight(found ? tabId : undefined, found ? result : undefined, match);

  const state = view.kind === 'job' ? view.job.status : view.kind;
  // The view opens with focus on its first action (Copy all once chips are there), and after
  // each change of state: keyboard users start where the work is.
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    const first = root.current?.querySelector<HTMLElement>('[data-autofocus]');
    if (first && !root.current?.contains(document.activeElement)) first.focus();
    else if (first && document.activeElement === document.body) first.focus();
  }, [state, found]);
  useEffect(() => setEditing(false), [job?.id]);

  return (
    <main ref={root} class="popup" data-testid="popup" data-state={state} data-mode={params.mode}>
      {found && (
        <a
          class="skip-link"
          href="#action-bar"
          data-testid="skip-to-actions"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('action-bar')?.focus();
          }}
        >
          Skip to actions
        </a>
      )}
      <PostingHeader job={job} offline={offline} />
      {found && <ActionBar posting={job?.posting} result={result} />}
      {match && <MatchPanel match={match} />}
      {view.kind === 'starting' && <Progress status="capturing" />}
      {job && (job.status === 'capturing' || job.status === 'extracting') && (
        <Progress status={job.status} model={job.model} onCancel={cancel} />
      )}
      {view.kind === 'idle' && <NewPosting consent={view.consent} onExtract={extract} onAgree={agreeAutoExtract} />}
      {view.kind === 'failed' && (
        <ErrorView
          error={view.error}
          onRetry={() => reextract()}
          onOffline={() => reextract({ offline: true })}
          offlineAnswered={false}
        />
      )}
      {job?.status === 'error' && job.error && (
        <ErrorView
          error={job.error}
          onRetry={() => reextract()}
          onOffline={() => reextract({ offline: true })}
          offlineAnswered={job.provider === 'local'}
        />
      )}
      {modelResult && <ResultWarnings result={modelResult} />}
      {job?.status === 'done' && job.cut && <TextCutNotice tabId={tabId} cut={job.cut} selection={params.selection} />}
      {result && isEmpty(result) && !corrections.edited && !edit && (
        <p class="state-info" data-testid="nothing-found">
          No diploma, major, experience or skills found in this posting. If the page holds more than one posting, select
          the one you want and use "Extract entities from selection" in the right-click menu.
        </p>
      )}
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
      <footer class="view-footer">
        <button
          type="button"
          class="button small"
          data-testid="reextract"
          disabled={busy || tabId === undefined}
          onClick={() => reextract()}
        >
          Re-extract
        </button>
        <MoreMenu tabId={tabId} />
      </footer>
    </main>
  );
}
