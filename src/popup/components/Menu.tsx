// A menu button (WAI-ARIA menu button pattern): a real <button> with aria-haspopup and
// aria-expanded; the list has role="menu" and its items role="menuitem". Enter, Space or ArrowDown
// opens it on the first item, ArrowUp on the last; arrows, Home and End move; Escape closes and
// gives focus back to the button; Tab closes and moves on; a click outside closes it.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  label: string;
  testId: string;
  onSelect: () => void;
  disabled?: boolean;
  /** For toggles: aria-checked on a menuitemcheckbox. */
  checked?: boolean;
  hint?: string;
}

let nextId = 0;

type Ref<T> = { current: T | null };

function enabledItems(list: Ref<HTMLDivElement>): HTMLButtonElement[] {
  return Array.from(list.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not([disabled])') ?? []);
}

export function Menu({
  label,
  items,
  testId,
  buttonClass = 'button',
  children,
}: {
  label: string;
  items: MenuItem[];
  testId: string;
  buttonClass?: string;
  children?: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const [id] = useState(() => `menu-${++nextId}`);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const focusAt = useRef<'first' | 'last' | undefined>(undefined);
  useMenuFocus(open, list, focusAt);
  useCloseOnClickOutside(open, list, button, setOpen);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusAt.current = e.key === 'ArrowUp' ? 'last' : 'first';
      setOpen(true);
    }
  };

  return (
    <div class="menu">
      <button
        ref={button}
        type="button"
        class={`${buttonClass} menu-button`}
        data-testid={testId}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => {
          focusAt.current = 'first';
          setOpen(!open);
        }}
        onKeyDown={onButtonKey}
      >
        {children ?? label} <span class="caret" aria-hidden="true" />
      </button>
      {open && <MenuList id={id} label={label} items={items} list={list} onClose={close} />}
    </div>
  );
}

/** The open menu: its items, moved through with the arrows, Home and End. */
function MenuList({
  id,
  label,
  items,
  list,
  onClose,
}: {
  id: string;
  label: string;
  items: MenuItem[];
  list: Ref<HTMLDivElement>;
  onClose: (refocus: boolean) => void;
}) {
  const onMenuKey = (e: KeyboardEvent) => {
    const els = enabledItems(list);
    const at = els.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => els[(i + els.length) % els.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(els.length - 1);
    else if (e.key === 'Escape') onClose(true);
    else if (e.key === 'Tab') return onClose(false);
    else return;
    e.preventDefault();
  };
  return (
    <div ref={list} id={id} class="menu-list" role="menu" aria-label={label} onKeyDown={onMenuKey}>
      {items.map((item) => (
        <button
          key={item.testId}
          type="button"
          role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
          aria-checked={item.checked === undefined ? undefined : item.checked}
          class="menu-item"
          tabIndex={-1}
          data-testid={item.testId}
          disabled={item.disabled}
          title={item.hint}
          onClick={() => {
            onClose(true);
            item.onSelect();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}

/** Focus moves into the menu as soon as it is rendered (a layout effect: before the next key press). */
function useMenuFocus(open: boolean, list: Ref<HTMLDivElement>, focusAt: Ref<'first' | 'last' | undefined>): void {
  useLayoutEffect(() => {
    if (!open) return;
    const els = enabledItems(list);
    (focusAt.current === 'last' ? els[els.length - 1] : els[0])?.focus();
  }, [open, list, focusAt]);
}

/** While open, a mouse press outside the list and its button closes the menu. */
function useCloseOnClickOutside(
  open: boolean,
  list: Ref<HTMLElement>,
  button: Ref<HTMLElement>,
  setOpen: (open: boolean) => void,
): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!list.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, list, button, setOpen]);
}
