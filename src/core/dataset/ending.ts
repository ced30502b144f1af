// The completion's ending: the stop word (` END`) with whatever the annotator put before it.
// The seed data ends positives with `\n END` and negatives with `\n , END`; both are read here.
import { escapeRegExp } from '../prompt';

/** The stop word at the end, with the spaces, line breaks and stray punctuation before it. */
export function endingPattern(stop: string): RegExp {
  return new RegExp(`[\\s,;.]*${escapeRegExp(stop.trim() || stop)}\\s*$`);
}

/** True when `word` occurs in `text` as a whole word (case-sensitive, as stop matching is). */
export function containsWord(text: string, word: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(word)}($|[^A-Za-z0-9_])`).test(text);
}
