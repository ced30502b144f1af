// The "Improve" menu (building the user's own model): Edit entities, Revert to the model's answer
// when the user corrected the set, and "Save as training example", which stores the text the model
// read (the posting focused as the result's scope says, prepared exactly as the prompt is:
// preparePromptText, with the user's boilerplate setting) and the entities shown. An
// empty set saves a negative example (" no entity"), which fine-tuning needs too.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { focusPosting } from '../../core/focus';
import type { Posting } from '../../core/posting';
import { preparePromptText } from '../../core/prompt';
import {
  ExamplesFullError,
  findExample,
  readExamples,
  saveExample,
  toTrainingExample,
} from '../../shared/examples-store';
import { sendMessage } from '../../shared/messages';
import type { Corrections } from './EditableChipsState';
import { useStatusNote } from '../use-status-note';
import { Menu, type MenuItem } from './Menu';

type Status = { kind: 'ok' | 'error' | 'info'; text: string } | undefined;

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
  // A new message here clears the popup's other status messages (one at a time, the latest).
  const [status, setStatus] = useStatusNote<Status>(undefined);
  const [busy, setBusy] = useState(false);
  const { postingKey, result, modelResult, edited } = corrections;

  useEffect(() => {
    setStatus(undefined);
    if (!postingKey) return;
    let live = true;
    findExample(browser.storage.local, postingKey).then(
      (saved) =>
        live &&
        saved &&
        setStatus({
          kind: 'info',
          text: `Saved as a training example on ${new Date(saved.savedAt).toLocaleDateString()}; saving again updates it.`,
        }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [postingKey, setStatus]);

  if (!result || !modelResult) return null;

  const save = async () => {
    if (!postingKey) return;
    setBusy(true);
    try {
      // Inference prompts drop boilerplate when the user turned that on: the example must read the same.
      const settings = await sendMessage('get-settings', {}).catch(() => undefined);
      // The part of the posting the model read (its scope): the example pairs that text with the entities.
      const read = focusPosting(posting, modelResult.meta.scope ?? 'focused').text;
      const text = preparePromptText(read, { trimBoilerplate: settings?.trimBoilerplate ?? false });
      if (!text)
        throw new Error(
          posting.text
            ? 'The posting has no text to learn from.'
            : 'The posting is too long to keep as a training example (over 100,000 characters).',
        );
      const example = toTrainingExample({
        id: postingKey,
        text,
        entities: result,
        url: posting.url,
        title: posting.title,
        model: modelResult.meta.model,
      });
      const outcome = await saveExample(browser.storage.local, example);
      const count = (await readExamples(browser.storage.local)).examples.length;
      setStatus({
        kind: 'ok',
        text: `${outcome === 'saved' ? 'Saved' : 'Updated'} as a training example (${count} saved). Export them from the options page.`,
      });
    } catch (err) {
      const text =
        err instanceof ExamplesFullError ? err.message : `The example could not be saved: ${(err as Error).message}`;
      setStatus({ kind: 'error', text });
    } finally {
      setBusy(false);
    }
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
      {(status || corrections.problem) && (
        <span
          class={`status ${status?.kind === 'error' || corrections.problem ? 'error' : ''}`}
          data-testid="save-example-status"
          role={status?.kind === 'error' ? 'alert' : 'status'}
        >
          {corrections.problem ?? status?.text}
        </span>
      )}
    </div>
  );
}
