// Stored entries that could not be read (a damaged wrapper or entry in the collection, training
// examples, corrections, profile or results cache) are set aside, never deleted: this section lists
// them one by one with Export (a JSON file, to repair or re-import) and Delete.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { downloadText } from '../../shared/download-file';
import {
  deleteSetAside,
  readAllSetAside,
  SET_ASIDE,
  type SetAsideGroup,
  type SetAsideStore,
} from '../../shared/stored-list';

const PREVIEW = 160;

function preview(item: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(item) ?? String(item);
  } catch {
    text = String(item);
  }
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text;
}

export function SetAsideItems() {
  const [groups, setGroups] = useState<SetAsideGroup[]>([]);
  const [error, setError] = useState<string>();

  const load = () =>
    readAllSetAside(browser.storage.local).then(
      (g) => setGroups(g),
      (err: unknown) => setError(`The set-aside entries could not be read (${(err as Error).message}).`),
    );

  useEffect(() => {
    void load();
    const keys = new Set<string>(Object.values(SET_ASIDE).map((s) => s.key));
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((k) => keys.has(k))) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  if (groups.length === 0 && !error) return null;

  const remove = async (store: SetAsideStore, index: number) => {
    try {
      await deleteSetAside(browser.storage.local, store, index);
      await load();
    } catch (err) {
      setError(`Could not delete: ${(err as Error).message}`);
    }
  };

  return (
    <section class="set-aside" data-testid="set-aside" aria-labelledby="set-aside-title">
      <h2 id="set-aside-title">Unreadable saved entries</h2>
      <p class="lead">
        These saved entries could not be read (damaged, or from another version of the extension). They were set aside
        instead of deleted: export one to repair or keep it, or delete it.
      </p>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      {groups.map((g) => (
        <div key={g.store} data-testid="set-aside-group" data-store={g.store}>
          <h3>
            {g.label} ({g.items.length})
          </h3>
          <ol>
            {g.items.map((item, i) => (
              <li key={`${g.store}-${i}`} data-testid="set-aside-item">
                <code>{preview(item)}</code>{' '}
                <button
                  type="button"
                  class="button"
                  data-testid="set-aside-export"
                  onClick={() =>
                    downloadText(
                      JSON.stringify(item, null, 2),
                      `${g.store}-set-aside-${i + 1}.json`,
                      'application/json',
                    )
                  }
                >
                  Export
                </button>{' '}
                <button
                  type="button"
                  class="button"
                  data-testid="set-aside-delete"
                  onClick={() => void remove(g.store, i)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
