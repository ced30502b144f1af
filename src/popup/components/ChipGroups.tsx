// Chips grouped Diploma / Major / Experience / Skills, in display form, repeats shown once with a
// count. Skills show the most confident first, 12 of them until "Show all N"; other types in full.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType, type ExtractionResult } from '../../core/entities';
import { copyValue } from '../copy-actions';
import { useStatusNote } from '../use-status-note';
import type { ChipMark } from './Chip';
import { ChipGroup, type RemovedAt } from './ChipGroup';
import type { ChipEditing } from './EditableChip';

export const CHIPS_SHOWN_MARK = 'job-entities:chips-shown';

export interface ChipGroupsProps {
  entities: Pick<ExtractionResult, EntityType> & { details?: ExtractionResult['details'] };
  /** With `edit`, every group shows (an empty one only to add to), chips can be removed and values added. */
  edit?: ChipEditing;
  /** Candidate mode: the skill chips' matched / missing marks. */
  marks?: (raw: string) => ChipMark | undefined;
  /** While the page is highlighted, a chip click scrolls to the value in the page: returns what to say. */
  reveal?: (type: EntityType, raw: string) => Promise<string>;
}

export function ChipGroups({ entities, edit, marks, reveal }: ChipGroupsProps) {
  // A new message here clears the popup's other status messages (one at a time, the latest).
  const [said, setSaid] = useStatusNote('');
  const [allSkills, setAllSkills] = useState(false);
  // The moment chips are on screen, for bench/popup.ts (time from popup open to chips).
  useLayoutEffect(() => void performance.mark(CHIPS_SHOWN_MARK), []);
  const root = useRef<HTMLElement>(null);
  const removedAt = useFocusAfterRemove(root, entities);
  const copy = (text: string, what: string) => void copyValue(text, what).then(setSaid);
  const activate = (type: EntityType, raw: string, display: string) => {
    if (reveal) void reveal(type, raw).then(setSaid);
    else copy(display, `"${display}"`);
  };
  return (
    <section class="groups" data-testid="groups" aria-label="Entities" ref={root}>
      {ENTITY_TYPES.filter((t) => entities[t].length > 0 || edit).map((type) => (
        <ChipGroup
          key={type}
          type={type}
          entities={entities}
          edit={edit}
          marks={marks}
          revealing={Boolean(reveal)}
          allSkills={allSkills}
          onShowAll={() => setAllSkills(true)}
          onActivate={(raw, display) => activate(type, raw, display)}
          onCopy={copy}
          onRemoved={(at) => (removedAt.current = at)}
        />
      ))}
      <p class="status" aria-live="polite" data-testid="copied">
        {said}
      </p>
    </section>
  );
}

/**
 * After a remove, focus stays in the group: the next chip's remove button, the previous one at
 * the end, the group's add field when none is left (never the page's <body>).
 */
function useFocusAfterRemove(
  root: { current: HTMLElement | null },
  entities: ChipGroupsProps['entities'],
): { current: RemovedAt | null } {
  const removedAt = useRef<RemovedAt | null>(null);
  useLayoutEffect(() => {
    const at = removedAt.current;
    if (!at) return;
    removedAt.current = null;
    const group = root.current?.querySelector(`[data-testid="group"][data-type="${at.type}"]`);
    const buttons = group?.querySelectorAll<HTMLButtonElement>('[data-testid="chip-remove"]') ?? [];
    (
      buttons[Math.min(at.index, buttons.length - 1)] ??
      group?.querySelector<HTMLInputElement>('[data-testid="chip-add-input"]')
    )?.focus();
  }, [entities, root]);
  return removedAt;
}
