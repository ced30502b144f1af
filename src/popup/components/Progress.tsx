// Capturing / extracting, with the model's name and a Cancel button while a request runs.
export function Progress({
  status,
  model,
  onCancel,
}: {
  status: 'capturing' | 'extracting';
  model?: string;
  onCancel?: () => void;
}) {
  return (
    <section class="progress" data-testid="progress" aria-live="polite" aria-busy="true">
      <span class="spinner" aria-hidden="true" />
      <span>{status === 'capturing' ? 'Reading the posting…' : `Extracting with ${model || 'the model'}…`}</span>
      {status === 'extracting' && onCancel && (
        <button type="button" class="button" data-testid="cancel" onClick={onCancel}>
          Cancel
        </button>
      )}
    </section>
  );
}
