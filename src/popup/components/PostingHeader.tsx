// The posting's title, company, location and site; where its text came from; which model answered.
import type { CaptureSource } from '../../core/posting';
import browser from 'webextension-polyfill';
import type { JobState } from '../../shared/messages';
import { closeIfToolbarPopup } from '../close-view';

export const COLLECTION_PAGE = 'src/collection/collection.html';

const SOURCE_LABELS: Record<CaptureSource, string> = {
  selection: 'your selection',
  jsonld: "the page's JSON-LD",
  adapter: 'the site adapter',
  readability: 'reader view',
  'largest-block': 'the largest text block',
  input: 'input',
};

export function PostingHeader({ job, offline }: { job?: JobState; offline: boolean }) {
  const p = job?.posting;
  const result = job?.status === 'done' ? job.result : undefined;
  const facts = [p?.company, p?.location, p?.site].filter((s): s is string => Boolean(s && s.trim()));
  return (
    <header class="header">
      <div class="header-top">
        <h1 class="title" data-testid="posting-title">
          {p?.title || 'Job Entities'}
        </h1>
        <button
          type="button"
          class="link header-link"
          data-testid="open-collection"
          onClick={() =>
            void browser.tabs
              .create({ url: browser.runtime.getURL(COLLECTION_PAGE) })
              .then(closeIfToolbarPopup, () => undefined)
          }
        >
          Collection
        </button>
      </div>
      {facts.length > 0 && (
        <p class="facts" data-testid="posting-facts">
          {facts.join(' · ')}
        </p>
      )}
      {p && (
        <p class="meta" data-testid="posting-source">
          Text from {SOURCE_LABELS[p.source]}
          {p.source === 'adapter' && p.site ? ` (${p.site})` : ''}
          {result && (
            <>
              {' · '}
              {offline ? (
                <span class="badge" data-testid="offline-label">
                  offline extractor
                </span>
              ) : (
                <>
                  answered by <span data-testid="answered-by">{result.meta.model}</span>
                </>
              )}
              {job?.fromCache && <span data-testid="from-cache"> · from cache</span>}
            </>
          )}
        </p>
      )}
    </header>
  );
}
