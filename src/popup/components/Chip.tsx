// One entity: a button (keyboard reachable) that copies its display value.
import type { EntityType } from '../../core/entities';

export function Chip({ type, display, raw, count, onCopy }: { type: EntityType; display: string; raw: string; count: number; onCopy: (text: string) => void }) {
  return (
    <span class="chip-wrap">
      <button type="button" class="chip" data-testid="chip" data-type={type} data-raw={raw} title={`Copy "${display}"`} onClick={() => onCopy(display)}>
        {display}
      </button>
      {count > 1 && (
        <span class="count" data-testid="chip-count">
          <span aria-hidden="true">×{count}</span>
          <span class="visually-hidden">found {count} times</span>
        </span>
      )}
    </span>
  );
}
