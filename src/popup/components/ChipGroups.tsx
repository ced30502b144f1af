// Chips grouped Diploma / Major / Experience / Skills, in display form, repeats shown once with a count.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { groupForDisplay } from '../../core/display';
import { ENTITY_LABELS, ENTITY_TYPES, type Entities } from '../../core/entities';
import { copyText } from '../clipboard';
import { clipboardValue, groupText } from '../entities-text';
import { AddValue } from './AddValue';
import { Chip } from './Chip';
import { EditableChip, type ChipEditing } from './EditableChip';
import { useStatusNote } from '../use-status-note';

export const CHIPS_SHOWN_MARK = 'job-entities:chips-shown';

/** With `edit`, every group shows (an empty one only to add to), chips can be removed and values added. */
export function ChipGroups({ entities, edit }: { entities: Entities; edit?: ChipEditing }) {
  const [copied, setCopied] = useStatusNote('');
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
    (buttons[Math.min(at.index, buttons.length - 1)] ?? group?.querySelector<HTMLInputElement>('[data-testid="chip-add-input"]'))?.focus();
  }, [entities]);
  const copy = async (text: string, what: string) => setCopied((await copyText(clipboardValue(text))) ? `Copied ${what}` : 'Could not copy: the clipboard refused.');
  return (
    <section class="groups" data-testid="groups" ref={root}>
      {ENTITY_TYPES.filter((t) => entities[t].length > 0 || edit).map((type) => (
        <div class="group" key={type} data-testid="group" data-type={type}>
          <div class="group-head">
            <h2>{ENTITY_LABELS[type]}</h2>
            {entities[type].length > 0 && (
              <button type="button" class="link" data-testid="copy-group" onClick={() => void copy(groupText(entities[type]), ENTITY_LABELS[type].toLowerCase())}>
                Copy
              </button>
            )}
          </div>
          <div class="chips">
            {groupForDisplay(entities[type]).map((g, index) =>
              edit ? (
                <EditableChip
                  key={g.raw}
                  type={type}
                  display={g.display}
                  raw={g.raw}
                  count={g.count}
                  onCopy={(t) => void copy(t, `"${t}"`)}
                  onRemove={() => {
                    removedAt.current = { type, index };
                    edit.remove(type, g.raw);
                  }}
                />
              ) : (
                <Chip key={g.raw} type={type} display={g.display} raw={g.raw} count={g.count} onCopy={(t) => void copy(t, `"${t}"`)} />
              ),
            )}
            {edit && <AddValue type={type} onAdd={(v) => edit.add(type, v)} />}
          </div>
        </div>
      ))}
      <p class="status" aria-live="polite" data-testid="copied">
        {copied}
      </p>
    </section>
  );
}
