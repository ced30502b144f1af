// One cell of entity values, compact: the first few values, then "+N more", which expands the cell
// in place (and "Show less" folds it again). Values are separate inline items so a line breaks
// between values or at spaces, never inside a word ("Kubernetes", not "Kubern/etes").
import { useState } from 'preact/hooks';
import { groupForDisplay, MAX_SHOWN_CHARS, shownLabel } from '../../core/display';

/** How many values a folded cell shows. */
export const FOLDED_VALUES = 3;

export function ValuesCell({ values, testid, label }: { values: readonly string[]; testid: string; label: string }) {
  const [open, setOpen] = useState(false);
  const shown = groupForDisplay([...values]).map((v) => v.display);
  const hidden = shown.length - FOLDED_VALUES;
  const visible = open || hidden <= 0 ? shown : shown.slice(0, FOLDED_VALUES);
  return (
    <td data-testid={testid} data-count={shown.length} class="values-cell">
      <ul class="values">
        {visible.map((v) => (
          <li key={v} class="value" data-testid="cell-value" title={v.length > MAX_SHOWN_CHARS ? v : undefined}>
            {shownLabel(v)}
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          class="link more"
          data-testid="cell-more"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? (
            'Show less'
          ) : (
            <>
              +{hidden} more<span class="visually-hidden"> {label}</span>
            </>
          )}
        </button>
      )}
    </td>
  );
}
