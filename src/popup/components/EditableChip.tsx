// A chip the user can remove: the Chip (click copies) with an × button beside it, reachable with
// the keyboard (its own tab stop, labelled with the value). Used by ChipGroups when editing is on.
import type { EntityType } from '../../core/entities';
import { Chip, type ChipProps } from './Chip';
import './EditableChip.css';

/** What the chip groups need to let the user correct the set (see useCorrections). */
export interface ChipEditing {
  remove(type: EntityType, raw: string): void;
  add(type: EntityType, value: string): void;
}

export function EditableChip({ onRemove, ...chip }: ChipProps & { onRemove: () => void }) {
  const { type, display, raw } = chip;
  return (
    <span class="chip-edit">
      <Chip {...chip} />
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
