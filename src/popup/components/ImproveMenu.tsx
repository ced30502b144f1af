// The "Improve" menu (building the user's own model): Edit entities, Revert to the model's answer
// when the user corrected the set, and "Save as training example" (training-actions.ts).
import { useEffect, useState } from 'preact/hooks';
import type { Posting } from '../../core/posting';
import { saveTrainingExample, savedExampleNote, type ExampleStatus } from '../training-actions';
import { useStatusNote } from '../use-status-note';
import type { Corrections } from './EditableChipsState';
import { Menu, type MenuItem } from './Menu';

export function ImproveMenu({
  posting,
  corrections,
  editing,
  onToggleEdit,
}: {
  posting: Posting;
  corrections: Corrections;
  editing: boolean;
  onToggleEdit: () => void;
}) {
  const [status, setStatus] = useExampleStatus(corrections.postingKey);
  const [busy, setBusy] = useState(false);
  const { postingKey, result, modelResult, edited } = corrections;
  if (!result || !modelResult) return null;

  const save = async () => {
    if (!postingKey) return;
    setBusy(true);
    setStatus(await saveTrainingExample(postingKey, posting, result, modelResult));
    setBusy(false);
  };
  const items: MenuItem[] = [
    {
      label: editing ? 'Done editing' : 'Edit entities',
      testId: 'edit-chips',
      checked: editing,
      onSelect: onToggleEdit,
    },
    ...(edited
      ? [{ label: "Revert to model's answer", testId: 'revert-corrections', onSelect: corrections.revert }]
      : []),
    {
      label: 'Save as training example',
      testId: 'save-example',
      disabled: busy || !postingKey,
      onSelect: () => void save(),
    },
  ];
  return (
    <div class="correction-bar" data-testid="correction-bar">
      <Menu label="Improve" testId="improve-menu" items={items} buttonClass="button small" />
      {edited && (
        <span
          class="edited-marker"
          data-testid="edited-marker"
          title="You changed the model's answer; your version is shown, copied and exported."
        >
          Edited
        </span>
      )}
      {editing && (
        <button type="button" class="button small" data-testid="edit-done" onClick={onToggleEdit}>
          Done editing
        </button>
      )}
      <ImproveStatus status={status} problem={corrections.problem} />
    </div>
  );
}

/** The Improve menu's status line: a storage problem with the corrections comes first. */
function ImproveStatus({ status, problem }: { status: ExampleStatus; problem: string | undefined }) {
  if (!status && !problem) return null;
  return (
    <span
      class={`status ${status?.kind === 'error' || problem ? 'error' : ''}`}
      data-testid="save-example-status"
      role={status?.kind === 'error' ? 'alert' : 'status'}
    >
      {problem ?? status?.text}
    </span>
  );
}

/** The status line's message; for a posting already saved as an example, it starts by saying since when. */
function useExampleStatus(postingKey: string | undefined): [ExampleStatus, (status: ExampleStatus) => void] {
  // A new message here clears the popup's other status messages (one at a time, the latest).
  const [status, setStatus] = useStatusNote<ExampleStatus>(undefined);
  useEffect(() => {
    setStatus(undefined);
    if (!postingKey) return;
    let live = true;
    void savedExampleNote(postingKey).then((note) => live && note && setStatus(note));
    return () => {
      live = false;
    };
  }, [postingKey, setStatus]);
  return [status, setStatus];
}
