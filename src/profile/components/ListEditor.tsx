// A list of values as removable chips, with an input that adds what is typed (Enter or Add) and
// splits a pasted list (commas, lines, bullets) into one chip per value. After a remove, focus goes
// to the next chip's remove button (the previous one at the end, the input when none is left).
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { parseSkillList } from '../../core/match';

/** Diplomas and majors: split on separators only (no bullet or trailing-dot clean-up: `B.S.` stays). */
export function splitValues(text: string): string[] {
  return text
    .split(/[\n,;|•]/)
    .map((v) => v.trim())
    .filter((v) => v.length > 0 && v.length <= 200);
}

/** A paste that holds a list, not one value: it has a separator in it. */
const LIST_SEPARATOR = /[\n,;|\t•·▪]/;

/**
 * After a remove, focus goes to the chip now at the removed one's place (the last one when it was
 * the last, the input when none is left). Returns what a remove button calls with its index.
 */
function useFocusAfterRemove(
  root: RefObject<HTMLElement | null>,
  values: string[],
  inputId: string,
): (index: number) => void {
  const focusAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (focusAt.current === null) return;
    const at = focusAt.current;
    focusAt.current = null;
    const buttons = root.current?.querySelectorAll<HTMLButtonElement>('.chip-remove') ?? [];
    (
      buttons[Math.min(at, buttons.length - 1)] ?? root.current?.querySelector<HTMLInputElement>(`#${inputId}`)
    )?.focus();
  }, [root, values, inputId]);
  return (index) => {
    focusAt.current = index;
  };
}

/** The text input and its Add button: Enter or Add adds what is typed, a pasted list becomes one value per item. */
function ValueInput({
  id,
  testid,
  placeholder,
  describedBy,
  invalid,
  onAdd,
}: {
  id: string;
  testid: string;
  placeholder: string;
  describedBy: string;
  invalid: boolean;
  onAdd: (text: string) => void;
}) {
  const [text, setText] = useState('');
  const add = (raw: string) => {
    onAdd(raw);
    setText('');
  };
  return (
    <div class="row">
      <input
        id={id}
        type="text"
        data-testid={`${testid}-input`}
        value={text}
        placeholder={placeholder}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(text);
          }
        }}
        onPaste={(e) => {
          // An <input> would flatten the pasted lines into one: split the list here instead.
          const pasted = e.clipboardData?.getData('text') ?? '';
          if (!LIST_SEPARATOR.test(pasted)) return;
          e.preventDefault();
          add(`${text}\n${pasted}`);
        }}
      />
      <button
        type="button"
        class="button"
        data-testid={`${testid}-add`}
        disabled={!text.trim()}
        onClick={() => add(text)}
      >
        Add
      </button>
    </div>
  );
}

/** The values as chips, each with its remove button. */
function ChipList({
  label,
  testid,
  values,
  onRemove,
}: {
  label: string;
  testid: string;
  values: string[];
  onRemove: (value: string, index: number) => void;
}) {
  return (
    <ul class="chips" aria-label={label}>
      {values.map((v, i) => (
        <li class="chip" key={v} data-testid={testid} data-value={v}>
          <span>{v}</span>
          <button
            type="button"
            class="chip-remove"
            data-testid={`${testid}-remove`}
            title={`Remove ${v}`}
            onClick={() => onRemove(v, i)}
          >
            <span aria-hidden="true">×</span>
            <span class="visually-hidden">Remove {v}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ListEditor({
  id,
  label,
  hint,
  testid,
  values,
  placeholder,
  split = parseSkillList,
  error,
  onAdd,
  onRemove,
}: {
  id: string;
  label: string;
  hint: string;
  /** Chips get data-testid=`${testid}`, the input `${testid}-input`, remove buttons `${testid}-remove`. */
  testid: string;
  values: string[];
  placeholder: string;
  /** How typed or pasted text becomes values (default: the core's skill-list parser). */
  split?: (text: string) => string[];
  /** A validation message for the list (the input is marked invalid and described by it). */
  error?: string;
  onAdd: (values: string[]) => void;
  onRemove: (value: string) => void;
}) {
  const root = useRef<HTMLElement>(null);
  const focusAfterRemove = useFocusAfterRemove(root, values, id);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <section class="list-editor" aria-labelledby={`${id}-label`} ref={root}>
      <label id={`${id}-label`} for={id}>
        {label} <span class="count">({values.length})</span>
      </label>
      <p class="field-hint" id={hintId}>
        {hint}
      </p>
      <ValueInput
        id={id}
        testid={testid}
        placeholder={placeholder}
        invalid={Boolean(error)}
        describedBy={error ? `${errorId} ${hintId}` : hintId}
        onAdd={(text) => {
          const items = split(text);
          if (items.length) onAdd(items);
        }}
      />
      {error && (
        <p class="field-error" id={errorId} data-testid={`${testid}-error`}>
          {error}
        </p>
      )}
      <ChipList
        label={label}
        testid={testid}
        values={values}
        onRemove={(v, i) => {
          focusAfterRemove(i);
          onRemove(v);
        }}
      />
    </section>
  );
}
