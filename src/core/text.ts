// Small text helpers every shell needs alike: messages for people are written one way everywhere.

/** The first line of a text: error messages from parsers and the OS may run on for several lines. */
export function firstLine(s: string): string {
  return s.split('\n')[0];
}

/** The message of anything thrown (an Error's message, anything else as text). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** "1 skill", "3 skills"; `plural` for the words that do not just take an s. */
export function pluralize(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}
