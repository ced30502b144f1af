// One <option> per entity type, labelled for people: the choices of the page's entity type selects.
import { ENTITY_LABELS, ENTITY_TYPES } from '../../core/entities';

export function EntityTypeOptions() {
  return (
    <>
      {ENTITY_TYPES.map((t) => (
        <option key={t} value={t}>
          {ENTITY_LABELS[t]}
        </option>
      ))}
    </>
  );
}
