// The popup's main actions, right under the chips: Copy all, Re-extract, Open in a window, and
// Open collection while the export bar (which carries it) is not shown: the collection stays one
// click away in every state (starting, an error, a page that is not a posting).
import type { ExtractionResult } from '../../core/entities';
import browser from 'webextension-polyfill';
import { isEmpty } from '../../core/entities';
import { openPopupWindow } from '../../shared/popup-window';
import { copyText } from '../clipboard';
import { entitiesAsText } from '../entities-text';
import { useStatusNote } from '../use-status-note';
import { COLLECTION_PAGE } from './ExportBar';

export function Actions({
  tabId,
  result,
  busy,
  collectionLink,
  onReextract,
}: {
  tabId?: number;
  result?: ExtractionResult;
  busy: boolean;
  /** Show "Open collection" here (the export bar is not shown). */
  collectionLink: boolean;
  onReextract: () => void;
}) {
  const [note, setNote] = useStatusNote('');
  const detached = new URLSearchParams(location.search).has('tabId');
  const openInWindow = async () => {
    if (tabId === undefined) return;
    await openPopupWindow(tabId);
    if (!detached) window.close();
  };
  return (
    <footer class="actions">
      {result && !isEmpty(result) && (
        <button
          type="button"
          class="button primary"
          data-testid="copy-all"
          onClick={async () => setNote((await copyText(entitiesAsText(result))) ? 'Copied all entities' : 'Could not copy: the clipboard refused.')}
        >
          Copy all
        </button>
      )}
      <button type="button" class="button" data-testid="reextract" disabled={busy || tabId === undefined} onClick={onReextract}>
        Re-extract
      </button>
      {!detached && (
        <button type="button" class="button" data-testid="open-window" disabled={tabId === undefined} onClick={() => void openInWindow()}>
          Open in a window
        </button>
      )}
      {collectionLink && (
        <button type="button" class="link" data-testid="open-collection" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(COLLECTION_PAGE) })}>
          Open collection
        </button>
      )}
      <span class="status" aria-live="polite" data-testid="copy-all-status">
        {note}
      </span>
    </footer>
  );
}
