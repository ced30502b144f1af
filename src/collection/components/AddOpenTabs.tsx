// "Add all open job tabs": the button, the progress of a run with its Cancel, and the offer to read
// the tabs that were skipped because their sites are not allowed. The run itself is in
// add-open-tabs.ts, its state in use-add-open-tabs.ts.
import { pluralize } from '../../core/text';
import type { NoticeState } from '../../shared/Notice';
import { useAddOpenTabs } from '../use-add-open-tabs';

export function AddOpenTabs({ onNotice }: { onNotice: (n: NoticeState) => void }) {
  const { progress, hidden, run, cancel, allowAndRun } = useAddOpenTabs(onNotice);
  return (
    <section class="add-tabs row" aria-label="Add open tabs">
      <button
        type="button"
        class="button"
        data-testid="add-open-tabs"
        disabled={progress !== undefined}
        onClick={() => void run()}
      >
        Add all open job tabs
      </button>
      {progress && (
        <>
          <progress data-testid="add-tabs-progress" max={progress.total} value={progress.done} aria-label="Tabs read" />
          <span class="status" data-testid="add-tabs-count">
            {progress.done} of {progress.total} tabs
          </span>
          <button type="button" class="button" data-testid="add-tabs-cancel" onClick={cancel}>
            Cancel
          </button>
        </>
      )}
      {!progress && hidden > 0 && (
        <button type="button" class="link" data-testid="add-tabs-allow" onClick={() => void allowAndRun()}>
          Allow reading all sites and add the {pluralize(hidden, 'skipped tab')}
        </button>
      )}
    </section>
  );
}
