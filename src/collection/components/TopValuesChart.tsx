// The most frequent values across the collection as a horizontal bar chart (plain elements and
// CSS widths, no chart library), skills by default, any entity type through the selector. A bar
// is a button: it filters the table to the postings that ask for that value.
import { useMemo, useState } from 'preact/hooks';
import { ENTITY_LABELS, EntityTypeSchema, type EntityType } from '../../core/entities';
import { topValues, type SavedPosting } from '../../core/export/collection';
import { pluralize } from '../../core/text';
import { EntityTypeOptions } from './EntityTypeOptions';

const BARS = 12;

export function TopValuesChart({
  postings,
  onPick,
}: {
  postings: SavedPosting[];
  onPick: (type: EntityType, value: string) => void;
}) {
  const [type, setType] = useState<EntityType>('skills');
  const values = useMemo(() => topValues(postings, type, BARS), [postings, type]);
  const max = values[0]?.count ?? 1;
  return (
    <section class="chart" aria-labelledby="chart-title">
      <div class="chart-head">
        <h2 id="chart-title">Most frequent {ENTITY_LABELS[type].toLowerCase()}</h2>
        <label>
          <span class="visually-hidden">Entity type</span>
          <select
            data-testid="chart-type"
            value={type}
            onChange={(e) => setType(EntityTypeSchema.safeParse(e.currentTarget.value).data ?? 'skills')}
          >
            <EntityTypeOptions />
          </select>
        </label>
      </div>
      {values.length === 0 ? (
        <p class="empty">No {ENTITY_LABELS[type].toLowerCase()} in the saved postings.</p>
      ) : (
        <ol class="bars">
          {values.map((v) => (
            <li key={v.value}>
              <button
                type="button"
                class="bar-row"
                data-testid="chart-bar"
                data-value={v.value}
                data-count={v.count}
                title={`Show the ${pluralize(v.count, 'posting')} with ${v.value}`}
                onClick={() => onPick(type, v.value)}
              >
                <span class="bar-label">{v.value}</span>
                <span class="bar-track" aria-hidden="true">
                  <span class="bar" style={{ width: `${Math.max(2, (v.count / max) * 100)}%` }} />
                </span>
                <span class="bar-count">{v.count}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
