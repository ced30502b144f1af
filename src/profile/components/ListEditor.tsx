// A list of values as removable chips, with an input that adds what is typed (Enter or Add) and
// splits a pasted list (commas, lines, bullets) into one chip per value. After a remove, focus goes
// to the next chip's remove button (the previous one at the end, the input when none is left).
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
  const [text, setText] = useState('');
  const root = useRef<HTMLElement>(null);
  const focusAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (focusAt.current === null) return;
    const at = focusAt.current;
    focusAt.current = null;
    const buttons = root.current?.querySelectorAll<HTMLButtonElement>('.chip-remove') ?? [];
    (buttons[Math.min(at, buttons.length - 1)] ?? root.current?.querySelector<HTMLInputElement>(`#${id}`))?.focus();
  }, [values, id]);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const add = (raw: string) => {
    const items = split(raw);
    if (items.length) onAdd(items);
    setText('');
  };
  return (
    <section class="list-editor" aria-labelledby={`${id}-label`} ref={root}>
      <label id={`${id}-label`} for={id}>
        {label} <span class="count">({values.length})</span>
      </label>
      <p class="field-hint" id={hintId}>
        {hint}
      </p>
      <div class="row">
        <input
          id={id}
          type="text"
          data-testid={`${testid}-input`}
          value={text}
          placeholder={placeholder}
          spellcheck={false}
          autocomplete="off"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
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
      {error && (
        <p class="field-error" id={errorId} data-testid={`${testid}-error`}>
          {error}
        </p>
      )}
      <ul class="chips" aria-label={label}>
        {values.map((v, i) => (
          <li class="chip" key={v} data-testid={testid} data-value={v}>
            <span>{v}</span>
            <button
              type="button"
              class="chip-remove"
              data-testid={`${testid}-remove`}
              title={`Remove ${v}`}
              onClick={() => {
                focusAt.current = i;
                onRemove(v);
              }}
            >
              <span aria-hidden="true">×</span>
              <span class="visually-hidden">Remove {v}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
