// The popup's status messages replace each other: a new message in one part of the popup clears
// the others, so the user (and a screen reader) meets one message at a time, the latest, instead
// of a pile of old ones ("Copied…", "Saved", "CSV downloaded" all at once).
import { useCallback, useEffect, useState } from 'preact/hooks';

const EVENT = 'job-entities:status-note';
let lastId = 0;

/** useState for a status message, except that setting one clears every other user's message. */
export function useStatusNote<T>(empty: T): [T, (value: T) => void] {
  const [note, setNote] = useState<T>(empty);
  const [id] = useState(() => ++lastId);
  useEffect(() => {
    const onOther = (e: Event) => {
      if ((e as CustomEvent<number>).detail !== id) setNote(empty);
    };
    window.addEventListener(EVENT, onOther);
    return () => window.removeEventListener(EVENT, onOther);
  }, [id, empty]);
  // Stable, like useState's setter, so effects may list it without re-running.
  const set = useCallback(
    (value: T) => {
      setNote(value);
      if (value !== empty) window.dispatchEvent(new CustomEvent(EVENT, { detail: id }));
    },
    [id, empty],
  );
  return [note, set];
}
