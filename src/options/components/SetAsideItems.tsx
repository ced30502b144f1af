// Stored entries that could not be read (a damaged wrapper or entry in the collection, training
// examples, corrections, profile or results cache) are set aside, never deleted: this section lists
// them one by one with Export (a JSON file, to repair or re-import) and Delete.
import { useState } from 'preact/hooks';
import { Notice, type NoticeState } from '../../shared/Notice';
import type { SetAsideGroup, SetAsideStore } from '../../shared/stored-list';
import { deleteSetAsideEntry, exportSetAsideEntry } from '../set-aside-actions';
import { useSetAsideGroups } from '../use-stored-data';

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

function SetAsideGroupView({
  group,
  onDelete,
}: {
  group: SetAsideGroup;
  onDelete: (store: SetAsideStore, index: number) => void;
}) {
  return (
    <div data-testid="set-aside-group" data-store={group.store}>
      <h3>
        {group.label} ({group.items.length})
      </h3>
      <ol>
        {group.items.map((item, i) => (
          <li key={`${group.store}-${i}`} data-testid="set-aside-item">
            <code>{preview(item)}</code>{' '}
            <button
              type="button"
              class="button"
              data-testid="set-aside-export"
              onClick={() => exportSetAsideEntry(group.store, i, item)}
            >
              Export
            </button>{' '}
            <button
              type="button"
              class="button"
              data-testid="set-aside-delete"
              onClick={() => onDelete(group.store, i)}
            >
              Delete
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function SetAsideItems() {
  const { groups, readError, reload } = useSetAsideGroups();
  const [deleteFailed, setDeleteFailed] = useState<NoticeState>();
  const notice: NoticeState | undefined = deleteFailed ?? (readError ? { kind: 'error', text: readError } : undefined);
  if (groups.length === 0 && !notice) return null;

  const remove = async (store: SetAsideStore, index: number) => {
    const failed = await deleteSetAsideEntry(store, index);
    if (failed) return setDeleteFailed(failed);
    reload();
  };

  return (
    <section class="set-aside" data-testid="set-aside" aria-labelledby="set-aside-title">
      <h2 id="set-aside-title">Unreadable saved entries</h2>
      <p class="lead">
        These saved entries could not be read (damaged, or from another version of the extension). They were set aside
        instead of deleted: export one to repair or keep it, or delete it.
      </p>
      <Notice notice={notice} testId="set-aside-notice" />
      {groups.map((g) => (
        <SetAsideGroupView key={g.store} group={g} onDelete={(store, i) => void remove(store, i)} />
      ))}
    </section>
  );
}
