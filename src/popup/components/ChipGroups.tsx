// Chips grouped Diploma / Major / Experience / Skills, in display form, repeats shown once with a
// count. Skills show the most confident first, 12 of them until "Show all N"; other types in full.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ENTITY_LABELS, ENTITY_TYPES, type EntityType, type ExtractionResult } from '../../core/entities';
import { orderedGroups, SKILLS_SHOWN } from '../chip-order';
import { copyText } from '../clipboard';
import { clipboardValue, groupText } from '../entities-text';
import { AddValue } from './AddValue';
import { Chip, type ChipMark } from './Chip';
import { EditableChip, type ChipEditing } from './EditableChip';
import { useStatusNote } from '../use-status-note';

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
  // After a remove, focus stays in the group: the next chip's remove button, the previous one at
  // the end, the group's add field when none is left (never the page's <body>).
  const removedAt = useRef<{ type: string; index: number } | null>(null);
  const root = useRef<HTMLElement>(null);
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
  }, [entities]);
  const copy = async (text: string, what: string) =>
    setSaid((await copyText(clipboardValue(text))) ? `Copied ${what}` : 'Could not copy: the clipboard refused.');
  const activate = (type: EntityType, raw: string, display: string) => {
    if (reveal) void reveal(type, raw).then(setSaid);
    else void copy(display, `"${display}"`);
  };
  return (
    <section class="groups" data-testid="groups" aria-label="Entities" ref={root}>
      {ENTITY_TYPES.filter((t) => entities[t].length > 0 || edit).map((type) => {
        const all = orderedGroups(entities, type);
        // Candidate mode: nice-to-have skills get their own row (they count half), after the others.
        const nice = type === 'skills' && marks ? all.filter((g) => marks(g.raw)?.importance === 'niceToHave') : [];
        const groups = nice.length ? all.filter((g) => !nice.includes(g)) : all;
        const limited = type === 'skills' && !allSkills && !edit && groups.length > SKILLS_SHOWN;
        const shown = limited ? groups.slice(0, SKILLS_SHOWN) : groups;
        const chip = (g: (typeof all)[number]) => {
          const mark = type === 'skills' ? marks?.(g.raw) : undefined;
          return edit ? (
            <EditableChip
              key={g.raw}
              type={type}
              display={g.display}
              raw={g.raw}
              count={g.count}
              mark={mark}
              onActivate={(d) => activate(type, g.raw, d)}
              onRemove={() => {
                removedAt.current = { type, index: groups.indexOf(g) };
                edit.remove(type, g.raw);
              }}
            />
          ) : (
            <Chip
              key={g.raw}
              type={type}
              display={g.display}
              raw={g.raw}
              count={g.count}
              mark={mark}
              revealing={Boolean(reveal)}
              onActivate={(d) => activate(type, g.raw, d)}
            />
          );
        };
        const headingId = `group-${type}`;
        return (
          <div class="group" key={type} data-testid="group" data-type={type} role="group" aria-labelledby={headingId}>
            <div class="group-head">
              <h2 id={headingId}>
                {ENTITY_LABELS[type]}
                {all.length > 1 && <span class="group-count"> {all.length}</span>}
              </h2>
              {entities[type].length > 0 && (
                <button
                  type="button"
                  class="link"
                  data-testid="copy-group"
                  aria-label={`Copy ${ENTITY_LABELS[type].toLowerCase()}`}
                  onClick={() => void copy(groupText(entities[type]), ENTITY_LABELS[type].toLowerCase())}
                >
                  Copy
                </button>
              )}
            </div>
            <div class="chips">
              {shown.map(chip)}
              {limited && (
                <button
                  type="button"
                  class="link show-all"
                  data-testid="show-all-skills"
                  onClick={(e) => {
                    // Keyboard users continue at the first chip that was hidden, not at the top of the page.
                    const chips = e.currentTarget.parentElement;
                    setAllSkills(true);
                    requestAnimationFrame(() =>
                      chips?.querySelectorAll<HTMLElement>('[data-testid="chip"]')[SKILLS_SHOWN]?.focus(),
                    );
                  }}
                >
                  Show all {groups.length}
                </button>
              )}
              {edit && <AddValue type={type} onAdd={(v) => edit.add(type, v)} />}
            </div>
            {nice.length > 0 && (
              <div class="match-nice" data-testid="match-nice">
                <h3 class="nice-head">Nice to have (counts half)</h3>
                <div class="chips">{nice.map(chip)}</div>
              </div>
            )}
          </div>
        );
      })}
      <p class="status" aria-live="polite" data-testid="copied">
        {said}
      </p>
    </section>
  );
}
