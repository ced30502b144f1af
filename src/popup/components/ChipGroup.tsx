// One type's group of chips: its heading with the count and Copy, the chips (skills limited to
// the first 12 until "Show all N"), the add field while editing, and in candidate mode the
// nice-to-have skills in a row of their own (they count half).
import { ENTITY_LABELS, type EntityType } from '../../core/entities';
import { orderedGroups, SKILLS_SHOWN } from '../chip-order';
import { groupText } from '../entities-text';
import { AddValue } from './AddValue';
import { Chip, type ChipMark } from './Chip';
import type { ChipGroupsProps } from './ChipGroups';
import { EditableChip, type ChipEditing } from './EditableChip';

/** Where a chip was removed, so focus can stay there. */
export interface RemovedAt {
  type: string;
  index: number;
}

type Shown = ReturnType<typeof orderedGroups>[number];

export function ChipGroup(props: {
  type: EntityType;
  entities: ChipGroupsProps['entities'];
  edit?: ChipEditing;
  marks?: (raw: string) => ChipMark | undefined;
  revealing: boolean;
  allSkills: boolean;
  onShowAll: () => void;
  onActivate: (raw: string, display: string) => void;
  onCopy: (text: string, what: string) => void;
  onRemoved: (at: RemovedAt) => void;
}) {
  const { type, entities, edit, marks } = props;
  const all = orderedGroups(entities, type);
  const nice = type === 'skills' && marks ? all.filter((g) => marks(g.raw)?.importance === 'niceToHave') : [];
  const groups = nice.length ? all.filter((g) => !nice.includes(g)) : all;
  const limited = type === 'skills' && !props.allSkills && !edit && groups.length > SKILLS_SHOWN;
  const shown = limited ? groups.slice(0, SKILLS_SHOWN) : groups;
  const label = ENTITY_LABELS[type].toLowerCase();
  const chip = (g: Shown) => {
    const common = {
      type,
      display: g.display,
      raw: g.raw,
      count: g.count,
      mark: type === 'skills' ? marks?.(g.raw) : undefined,
      onActivate: (d: string) => props.onActivate(g.raw, d),
    };
    if (!edit) return <Chip key={g.raw} {...common} revealing={props.revealing} />;
    const onRemove = () => {
      props.onRemoved({ type, index: groups.indexOf(g) });
      edit.remove(type, g.raw);
    };
    return <EditableChip key={g.raw} {...common} onRemove={onRemove} />;
  };
  const headingId = `group-${type}`;
  return (
    <div class="group" data-testid="group" data-type={type} role="group" aria-labelledby={headingId}>
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
            aria-label={`Copy ${label}`}
            onClick={() => props.onCopy(groupText(entities[type]), label)}
          >
            Copy
          </button>
        )}
      </div>
      <div class="chips">
        {shown.map(chip)}
        {limited && <ShowAllSkills count={groups.length} onShowAll={props.onShowAll} />}
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
}

function ShowAllSkills({ count, onShowAll }: { count: number; onShowAll: () => void }) {
  return (
    <button
      type="button"
      class="link show-all"
      data-testid="show-all-skills"
      onClick={(e) => {
        // Keyboard users continue at the first chip that was hidden, not at the top of the page.
        const chips = e.currentTarget.parentElement;
        onShowAll();
        requestAnimationFrame(() =>
          chips?.querySelectorAll<HTMLElement>('[data-testid="chip"]')[SKILLS_SHOWN]?.focus(),
        );
      }}
    >
      Show all {count}
    </button>
  );
}
