// The view's smaller parts around the chips: the skip link, the job's progress, its failure, the
// "nothing found" line and the footer (Re-extract, More).
import type { JobState } from '../../shared/messages';
import type { PopupView } from '../use-job';
import { ErrorView } from './ErrorView';
import { MoreMenu } from './MoreMenu';
import { Progress } from './Progress';

export function SkipLink() {
  return (
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
  );
}

/** Starting, capturing or extracting (model shown, cancellable). */
export function JobProgress({ view, job, onCancel }: { view: PopupView; job?: JobState; onCancel: () => void }) {
  if (view.kind === 'starting') return <Progress status="capturing" />;
  if (job && (job.status === 'capturing' || job.status === 'extracting'))
    return <Progress status={job.status} model={job.model} onCancel={onCancel} />;
  return null;
}

/** The extraction failed, before a job (the message) or in it (the job's error). */
export function JobFailure({
  view,
  job,
  reextract,
}: {
  view: PopupView;
  job?: JobState;
  reextract: (opts?: { offline?: boolean }) => void;
}) {
  const failure =
    view.kind === 'failed'
      ? { error: view.error, offlineAnswered: false }
      : job?.status === 'error' && job.error
        ? { error: job.error, offlineAnswered: job.provider === 'local' }
        : undefined;
  if (!failure) return null;
  return (
    <ErrorView
      error={failure.error}
      onRetry={() => reextract()}
      onOffline={() => reextract({ offline: true })}
      offlineAnswered={failure.offlineAnswered}
    />
  );
}

export function NothingFound() {
  return (
    <p class="state-info" data-testid="nothing-found">
      No diploma, major, experience or skills found in this posting. If the page holds more than one posting, select the
      one you want and use "Extract entities from selection" in the right-click menu.
    </p>
  );
}

export function ViewFooter({
  disabled,
  tabId,
  onReextract,
}: {
  disabled: boolean;
  tabId?: number;
  onReextract: () => void;
}) {
  return (
    <footer class="view-footer">
      <button type="button" class="button small" data-testid="reextract" disabled={disabled} onClick={onReextract}>
        Re-extract
      </button>
      <MoreMenu tabId={tabId} />
    </footer>
  );
}
