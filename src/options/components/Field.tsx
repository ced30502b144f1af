// A labelled form field with its hint and its validation message. The control (the element whose
// id is `name`) is tied to them: aria-describedby names the message or the hint, and aria-invalid
// is set while the field is in error. Set on the DOM after render, so every kind of control passed
// as a child (input, select, the key field's row) gets it without repeating the wiring.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export function Field({
  label,
  name,
  hint,
  error,
  children,
}: {
  label: string;
  name: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}) {
  const wrap = useRef<HTMLDivElement>(null);
  const messageId = `${name}-message`;
  useLayoutEffect(() => {
    const control = wrap.current?.querySelector<HTMLElement>(`#${CSS.escape(name)}`);
    if (!control) return;
    if (error) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
    if (error || hint) control.setAttribute('aria-describedby', messageId);
    else control.removeAttribute('aria-describedby');
  });
  return (
    <div class={`field${error ? ' invalid' : ''}`} ref={wrap}>
      <label for={name}>{label}</label>
      {children}
      {error ? (
        <p class="field-error" id={messageId} data-testid={`error-${name}`}>
          {error}
        </p>
      ) : (
        hint && (
          <p class="field-hint" id={messageId}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

/**
 * Moves focus to the first field in error (opening a closed <details> around it): called after a
 * failed save, so keyboard and screen-reader users land on what to fix.
 */
export function focusFirstInvalid(root: ParentNode = document): void {
  const first = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!first) return;
  const details = first.closest('details');
  if (details && !details.open) details.open = true;
  first.focus();
}
