// One line saying what the last action did (or why it failed), with an optional action (Undo) and
// an optional dismiss button. Every page (options, profile, collection, training examples) shows
// its notices through this one component, so they read, sound and look the same: errors are
// alerts, the rest polite status messages, and a new notice replaces the old one in one live region.
export interface NoticeState {
  kind: 'ok' | 'error' | 'info';
  text: string;
  action?: { label: string; run: () => void };
}

export function Notice({
  notice,
  onDismiss,
  testId = 'notice',
}: {
  notice?: NoticeState;
  onDismiss?: () => void;
  testId?: string;
}) {
  return (
    <div aria-live="polite">
      {notice && (
        <p
          class={`notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={testId}
          data-kind={notice.kind}
        >
          <span>{notice.text}</span>
          {notice.action && (
            <button type="button" class="link" data-testid="notice-action" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          )}
          {onDismiss && (
            <button type="button" class="link dismiss" aria-label="Dismiss" onClick={onDismiss}>
              ×
            </button>
          )}
        </p>
      )}
    </div>
  );
}
