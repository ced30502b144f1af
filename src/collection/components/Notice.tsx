// One line saying what the last action did (or why it failed), with an optional action (Undo).
export interface NoticeState {
  kind: 'ok' | 'error';
  text: string;
  action?: { label: string; run: () => void };
}

export function Notice({ notice, onDismiss }: { notice?: NoticeState; onDismiss: () => void }) {
  return (
    <div aria-live="polite">
      {notice && (
        <p
          class={`notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="collection-notice"
          data-kind={notice.kind}
        >
          <span>{notice.text}</span>
          {notice.action && (
            <button type="button" class="link" data-testid="notice-action" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          )}
          <button type="button" class="link dismiss" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
