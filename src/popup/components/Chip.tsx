// One entity: a button (keyboard reachable) that copies its display value, or, while the page is
// highlighted, scrolls the page to its next occurrence. In candidate mode a skill carries its
// matched / missing mark (a sign and words, not colour alone).
import type { EntityType } from '../../core/entities';
import { shownLabel } from '../../core/display';

export interface ChipMark {
  matched: boolean;
  /** The posting's value as the match counts it (first spelling of each distinct skill). */
  value: string;
  /** The first chip of that skill: it carries the match-chip test id. */
  first: boolean;
  /** Required, or nice to have (counts half). */
  importance?: 'required' | 'niceToHave';
}

/** What a chip shows and does; an editable chip adds its remove button. */
export interface ChipProps {
  type: EntityType;
  display: string;
  raw: string;
  count: number;
  onActivate: (text: string) => void;
  mark?: ChipMark;
}

export function Chip({ type, display, raw, count, onActivate, mark, revealing }: ChipProps & { revealing?: boolean }) {
  const state = mark ? (mark.matched ? 'matched' : 'missing') : undefined;
  const button = (
    <button
      type="button"
      class={`chip${state ? ` chip-${state}` : ''}`}
      data-testid="chip"
      data-type={type}
      data-raw={raw}
      data-match={state}
      title={revealing ? `Show "${display}" in the page` : `Copy "${display}"`}
      onClick={() => onActivate(display)}
    >
      {mark && <span class="mark" aria-hidden="true" />}
      {shownLabel(display)}
      {mark && <span class="visually-hidden">{mark.matched ? ' (you have it)' : ' (missing)'}</span>}
    </button>
  );
  return (
    <span
      class="chip-wrap"
      {...(mark?.first
        ? {
            'data-testid': 'match-chip',
            'data-state': state,
            'data-value': mark.value,
            'data-importance': mark.importance,
          }
        : {})}
    >
      {button}
      {count > 1 && (
        <span class="count" data-testid="chip-count">
          <span aria-hidden="true">×{count}</span>
          <span class="visually-hidden">found {count} times</span>
        </span>
      )}
    </span>
  );
}
