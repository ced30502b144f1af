// Filters: free text, the application status, a skill (any spelling: "JS" finds "javascript"), and an entity type with an
// optional value ("postings that ask for a diploma", "postings whose major is statistics").
import type { ComponentChildren } from 'preact';
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

const isStatus = (v: string): v is PostingStatus => (POSTING_STATUSES as readonly string[]).includes(v);

/** A labelled text filter; `children` go after the input (the skill box's suggestions). */
function SearchField({
  label,
  testid,
  placeholder,
  value,
  list,
  disabled,
  onInput,
  children,
}: {
  label: string;
  testid: string;
  placeholder: string;
  value: string | undefined;
  list?: string;
  disabled?: boolean;
  onInput: (value: string) => void;
  children?: ComponentChildren;
}) {
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="search"
        list={list}
        data-testid={testid}
        placeholder={placeholder}
        disabled={disabled}
        value={value ?? ''}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {children}
    </label>
  );
}

/** A labelled select whose first option (`any`, value "") filters nothing. */
function SelectField({
  label,
  testid,
  value,
  any,
  onChange,
  children,
}: {
  label: string;
  testid: string;
  value: string | undefined;
  any: string;
  onChange: (value: string) => void;
  children: ComponentChildren;
}) {
  return (
    <label class="field">
      <span>{label}</span>
      <select data-testid={testid} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{any}</option>
        {children}
      </select>
    </label>
  );
}

/** Has any filter something in it (Clear filters is enabled then). */
function isActive(filter: CollectionFilter): boolean {
  return Boolean(filter.query?.trim() || filter.skill?.trim() || filter.type || filter.value?.trim() || filter.status);
}

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
  const set = (patch: Partial<CollectionFilter>) => onChange({ ...filter, ...patch });
  return (
    <section class="filters" aria-label="Filter">
      <SearchField
        label="Search"
        testid="collection-search"
        placeholder="Title, company, any value…"
        value={filter.query}
        onInput={(query) => set({ query })}
      />
      <SelectField
        label="Status"
        testid="status-filter"
        value={filter.status}
        any="any status"
        onChange={(v) => set({ status: isStatus(v) ? v : undefined })}
      >
        {POSTING_STATUSES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </SelectField>
      <SearchField
        label="Skill"
        testid="skill-filter"
        placeholder="e.g. Python"
        list="collection-skills"
        value={filter.skill}
        onInput={(skill) => set({ skill })}
      >
        <datalist id="collection-skills">
          {skills.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </SearchField>
      <SelectField
        label="Has"
        testid="type-filter"
        value={filter.type}
        any="any entity type"
        onChange={(v) => {
          const t = EntityTypeSchema.safeParse(v);
          set({ type: t.success ? t.data : undefined, value: t.success ? filter.value : undefined });
        }}
      >
        <EntityTypeOptions />
      </SelectField>
      <SearchField
        label="Equal to"
        testid="type-value-filter"
        placeholder={filter.type ? 'any value' : 'choose a type first'}
        disabled={!filter.type}
        value={filter.value}
        onInput={(value) => set({ value })}
      />
      <button
        type="button"
        class="button"
        data-testid="clear-filters"
        disabled={!isActive(filter)}
        onClick={() => onChange({})}
      >
        Clear filters
      </button>
    </section>
  );
}
