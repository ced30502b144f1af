// The saved training examples, one row each: title, link, when it was saved, what it holds, Delete.
import { ENTITY_LABELS, ENTITY_TYPES, isEmpty } from '../../core/entities';
import type { TrainingExample } from '../../shared/examples-store';

function entityCounts(ex: TrainingExample): string {
  if (isEmpty(ex.entities)) return 'negative (no entity)';
  return ENTITY_TYPES.filter((t) => ex.entities[t].length > 0)
    .map((t) => `${ex.entities[t].length} ${ENTITY_LABELS[t].toLowerCase()}`)
    .join(' · ');
}

function ExampleRow({ ex, onDelete }: { ex: TrainingExample; onDelete: (ex: TrainingExample) => void }) {
  return (
    <li data-testid="example" data-url={ex.url}>
      <div class="example-main">
        <span class="example-title">{ex.title || ex.url}</span>
        <span class="example-facts">
          {/^https?:/.test(ex.url) ? (
            <a href={ex.url} target="_blank" rel="noreferrer">
              {ex.url}
            </a>
          ) : (
            ex.url
          )}{' '}
          · {new Date(ex.savedAt).toLocaleString()} · <span data-testid="example-counts">{entityCounts(ex)}</span>
        </span>
      </div>
      <button
        type="button"
        class="link"
        data-testid="delete-example"
        aria-label={`Delete the example "${ex.title || ex.url}"`}
        onClick={() => onDelete(ex)}
      >
        Delete
      </button>
    </li>
  );
}

export function ExampleList({
  examples,
  onDelete,
}: {
  examples: readonly TrainingExample[];
  onDelete: (ex: TrainingExample) => void;
}) {
  return (
    <ol class="example-list" data-testid="example-list">
      {examples.map((ex) => (
        <ExampleRow key={ex.id} ex={ex} onDelete={onDelete} />
      ))}
    </ol>
  );
}
