// "Highlight in page": a toggle button (aria-pressed) and what it found.
import { pluralize } from '../../core/text';
import type { Highlight } from '../use-highlight';

export function HighlightToggle({ highlight: h }: { highlight: Highlight }) {
  const found = h.report ? Object.values(h.report.counts).filter((n) => n > 0).length : 0;
  const missing = h.report?.notFound.length ?? 0;
  return (
    <>
      <button
        type="button"
        class={`button small toggle${h.on ? ' on' : ''}`}
        data-testid="highlight-toggle"
        aria-pressed={h.on}
        disabled={h.busy}
        onClick={h.toggle}
      >
        <span class="toggle-dot" aria-hidden="true" />
        Highlight in page
      </button>
      {(h.report || h.problem) && (
        <p class={`status highlight-status${h.problem ? ' error' : ''}`} role="status" data-testid="highlight-status">
          {h.problem ?? (
            <>
              {pluralize(found, 'value')} highlighted
              {missing > 0 && (
                <span data-testid="highlight-not-found" data-count={missing}>
                  {' '}
                  · {missing} not found in the page
                </span>
              )}{' '}
              · click a chip to scroll to it
            </>
          )}
        </p>
      )}
    </>
  );
}
