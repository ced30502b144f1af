// Where a value occurs in a text: the page highlight (src/content/highlight.ts) finds each entity in
// the page's text with these patterns. Values come in the training data's token form (`c #`,
// `5 + years`, `node . js`) while pages write `C#`, `5+ years`, `Node.js`: the tokens may be joined
// by any white space or none. Case is ignored; a match never starts or ends inside a word.
import { toDisplay } from './display';

const WORD = /[\p{L}\p{N}]/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A global, case-insensitive pattern for one value, or undefined for a value with no text. */
export function occurrencePattern(value: string): RegExp | undefined {
  const tokens = value.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return undefined;
  const body = tokens.map(escapeRegExp).join('\\s*');
  const first = tokens[0][0];
  const lastToken = tokens[tokens.length - 1];
  const last = lastToken[lastToken.length - 1];
  // Boundaries only where the value itself starts or ends with a letter or digit (`C#` may be followed by anything).
  const before = WORD.test(first) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = WORD.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${before}${body}${after}`, 'giu');
}

export interface Occurrence {
  start: number;
  end: number;
}

/** Every non-overlapping occurrence of `value` (token or display form) in `text`, in order. */
export function findOccurrences(text: string, value: string, limit = 500): Occurrence[] {
  const patterns = [
    occurrencePattern(value),
    toDisplay(value) !== value ? occurrencePattern(toDisplay(value)) : undefined,
  ].filter((p): p is RegExp => p !== undefined);
  const found = new Map<number, Occurrence>();
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0 || m.index === undefined) continue;
      if (!found.has(m.index)) found.set(m.index, { start: m.index, end: m.index + m[0].length });
      if (found.size >= limit) break;
    }
  }
  const sorted = [...found.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Occurrence[] = [];
  for (const o of sorted) if (!out.length || o.start >= out[out.length - 1].end) out.push(o);
  return out;
}
