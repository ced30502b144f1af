// A chip the user can remove: the Chip (click copies) with an × button beside it, reachable with
// the keyboard (its own tab stop, labelled with the value). Used by ChipGroups when editing is on.
import type { EntityType } from '../../core/entities';
import { Chip, type ChipMark } from './Chip';
import './EditableChip.css';

/** What the chip groups need to let the user correct the set (see useCorrections). */
export interface ChipEditing {
  remove(type: EntityType, raw: string): void;
  add(type: EntityType, value: string): void;
}

export function EditableChip({
  type,
  display,
  raw,
  count,
  onActivate,
  onRemove,
  mark,
}: {
  type: EntityType;
  display: string;
  raw: string;
  count: number;
  onActivate: (text: string) => void;
  onRemove: () => void;
  mark?: ChipMark;
}) {
  return (
    <span class="chip-edit">
      <Chip type={type} display={display} raw={raw} count={count} onActivate={onActivate} mark={mark} />
      <button
        type="button"
        class="chip-remove"
        data-testid="chip-remove"
        data-type={type}
        data-raw={raw}
        aria-label={`Remove "${display}"`}
        title={`Remove "${display}"`}
        onClick={onRemove}
      >
        ×
      </button>
    </span>
  );
}
