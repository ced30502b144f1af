// Which part of the posting the extractor read, with a one-click switch for this posting: "Read the
// whole posting" re-extracts with scope whole (cached apart); "Read only what the job asks for"
// goes back. Self-contained: it needs the result's meta and a callback.
import type { ResultMeta } from '../../core/entities';
import type { Scope } from '../../core/sections';
import { pluralize } from '../../core/text';
import './ReadScope.css';

/** Headings listed before the rest are summed up as "…". */
const MAX_LISTED = 5;

/** "Read: Requirements, Preferred, Responsibilities (3 of 7 sections)" and its variants. */
export function readScopeText(meta: Pick<ResultMeta, 'scope' | 'read'>): string | null {
  const read = meta.read;
  if (!read || read.total === 0) return null;
  const count = read.headings.length;
  if (meta.scope === 'whole' || count >= read.total)
    return `Read: the whole posting (${pluralize(read.total, 'section')})`;
  const listed = read.headings.slice(0, MAX_LISTED).join(', ') + (count > MAX_LISTED ? ', …' : '');
  return `Read: ${listed} (${count} of ${read.total} sections)`;
}

export function ReadScope({
  meta,
  busy,
  onScope,
}: {
  meta: ResultMeta;
  busy?: boolean;
  onScope: (scope: Scope) => void;
}) {
  const text = readScopeText(meta);
  if (!text) return null;
  const read = meta.read;
  const partial = meta.scope !== 'whole' && !!read && read.headings.length < read.total;
  return (
    <p class="meta read-scope" data-testid="read-scope" data-scope={meta.scope ?? 'focused'}>
      <span data-testid="read-scope-text">{text}</span>{' '}
      {partial && (
        <button type="button" class="link" data-testid="read-whole" disabled={busy} onClick={() => onScope('whole')}>
          Read the whole posting
        </button>
      )}
      {meta.scope === 'whole' && (
        <button
          type="button"
          class="link"
          data-testid="read-focused"
          disabled={busy}
          onClick={() => onScope('focused')}
        >
          Read only what the job asks for
        </button>
      )}
    </p>
  );
}
