// One saved posting as a table row: its title (a link when the address is a web address), company,
// location, compact entity cells, the user's status and notes, when it was saved, by which model,
// and its Delete button.
import type { SavedPosting, TrackingPatch } from '../../core/export/collection';
import { NotesCell, StatusCell } from './TrackingCells';
import { ValuesCell } from './ValuesCell';

/** Only http(s) links become clickable: a saved URL is untrusted text (javascript: never runs). */
function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function savedOn(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function TitleCell({ url, name }: { url: string; name: string }) {
  const href = safeHref(url);
  return (
    <td class="title-cell">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" data-testid="row-title">
          {name}
        </a>
      ) : (
        <span data-testid="row-title">{name}</span>
      )}
    </td>
  );
}

export function CollectionRow({
  posting: p,
  onDelete,
  onTrack,
}: {
  posting: SavedPosting;
  onDelete: () => void;
  onTrack: (patch: TrackingPatch) => void;
}) {
  const name = p.title || p.url;
  return (
    <tr data-testid="collection-row" data-url={p.url}>
      <TitleCell url={p.url} name={name} />
      <td data-testid="row-company">{p.company}</td>
      <td data-testid="row-location">{p.location}</td>
      <ValuesCell values={p.entities.diploma} testid="row-diploma" label={`diplomas of ${name}`} />
      <ValuesCell values={p.entities.diploma_major} testid="row-major" label={`majors of ${name}`} />
      <ValuesCell values={p.entities.experience} testid="row-experience" label={`experience of ${name}`} />
      <ValuesCell values={p.entities.skills} testid="row-skills" label={`skills of ${name}`} />
      <StatusCell posting={p} name={name} onChange={onTrack} />
      <NotesCell posting={p} name={name} onChange={onTrack} />
      <td class="nowrap">
        <time dateTime={p.capturedAt}>{savedOn(p.capturedAt)}</time>
      </td>
      <td class="model-cell">{p.provider === 'local' ? 'offline extractor' : p.model}</td>
      <td class="nowrap">
        <button type="button" class="link danger" data-testid="delete-row" onClick={onDelete}>
          Delete<span class="visually-hidden"> {name}</span>
        </button>
      </td>
    </tr>
  );
}
