// Filters: free text, the application status, a skill (any spelling: "JS" finds "javascript"), and an entity type with an
// optional value ("postings that ask for a diploma", "postings whose major is statistics").
import { useMemo } from 'preact/hooks';
import { EntityTypeSchema } from '../../core/entities';
import {
  POSTING_STATUSES,
  topValues,
  type CollectionFilter,
  type PostingStatus,
  type SavedPosting,
} from '../../core/export/collection';
import { EntityTypeOptions } from './EntityTypeOptions';

export function FilterBar({
  postings,
  filter,
  onChange,
}: {
  postings: SavedPosting[];
  filter: CollectionFilter;
  onChange: (f: CollectionFilter) => void;
}) {
  // Suggestions for the skill box: every skill in the collection, most frequent first.
  const skills = useMemo(() => topValues(postings, 'skills', 500).map((v) => v.value), [postings]);
  const active = Boolean(
    filter.query?.trim() || filter.skill?.trim() || filter.type || filter.value?.trim() || filter.status,
  );
  return (
    <section class="filters" aria-label="Filter">
      <label class="field">
        <span>Search</span>
        <input
          type="search"
          data-testid="collection-search"
          placeholder="Title, company, any value…"
          value={filter.query ?? ''}
          onInput={(e) => onChange({ ...filter, query: e.currentTarget.value })}
        />
      </label>
      <label class="field">
        <span>Status</span>
        <select
          data-testid="status-filter"
          value={filter.status ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onChange({
              ...filter,
              status: (POSTING_STATUSES as readonly string[]).includes(v) ? (v as PostingStatus) : undefined,
            });
          }}
        >
          <option value="">any status</option>
          {POSTING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Skill</span>
        <input
          type="search"
          list="collection-skills"
          data-testid="skill-filter"
          placeholder="e.g. Python"
          value={filter.skill ?? ''}
          onInput={(e) => onChange({ ...filter, skill: e.currentTarget.value })}
        />
        <datalist id="collection-skills">
          {skills.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      <label class="field">
        <span>Has</span>
        <select
          data-testid="type-filter"
          value={filter.type ?? ''}
          onChange={(e) => {
            const t = EntityTypeSchema.safeParse(e.currentTarget.value);
            onChange({ ...filter, type: t.success ? t.data : undefined, value: t.success ? filter.value : undefined });
          }}
        >
          <option value="">any entity type</option>
          <EntityTypeOptions />
        </select>
      </label>
      <label class="field">
        <span>Equal to</span>
        <input
          type="search"
          data-testid="type-value-filter"
          placeholder={filter.type ? 'any value' : 'choose a type first'}
          disabled={!filter.type}
          value={filter.value ?? ''}
          onInput={(e) => onChange({ ...filter, value: e.currentTarget.value })}
        />
      </label>
      <button type="button" class="button" data-testid="clear-filters" disabled={!active} onClick={() => onChange({})}>
        Clear filters
      </button>
    </section>
  );
}
