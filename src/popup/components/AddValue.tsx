// "Add a value the model missed" for one entity type: a small input and an Add button (Enter adds
// too). The value is stored in the training data's token form (`C#` -> `c #`, `5+ years` ->
// `5 + years`) with the same tokenizer the offline extractor uses, so a saved example reads
// exactly like the seed's annotations; the chip shows it in display form.
import { useState } from 'preact/hooks';
import type { EntityType } from '../../core/entities';
import { tokenize, toValue } from '../../core/local/tokenize';

/** The training data's form of a value typed by the user. */
export function toEntityValue(typed: string): string {
  return toValue(tokenize(typed.replace(/\s+/g, ' ').trim()).map((t) => t.text));
}

const ADD_LABELS: Record<EntityType, string> = {
  diploma: 'Add a diploma',
  diploma_major: 'Add a major',
  experience: 'Add experience',
  skills: 'Add a skill',
};

export function AddValue({ type, onAdd }: { type: EntityType; onAdd: (value: string) => void }) {
  const [text, setText] = useState('');
  const label = ADD_LABELS[type];
  const add = () => {
    const value = toEntityValue(text);
    if (!value) return;
    onAdd(value);
    setText('');
  };
  return (
    <form
      class="add-value"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <input
        type="text"
        data-testid="chip-add-input"
        data-type={type}
        aria-label={label}
        placeholder={`${label}…`}
        value={text}
        maxLength={200}
        spellcheck={false}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" class="link" data-testid="chip-add" data-type={type} disabled={!text.trim()}>
        Add
      </button>
    </form>
  );
}
