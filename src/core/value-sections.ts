// Which kind of section each shown value was first found in (requirements, nice-to-have,
// responsibilities...), so the popup and `match` can tell required skills from nice-to-have ones.
// Values are in token form (`5 + years`, `c #`), so they are looked up in the read text as whole
// words with case and the spacing between tokens ignored.
import { ENTITY_TYPES, type EntityDetails } from './entities';
import type { FocusedPart } from './focus';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the value first occurs as whole words, case and spacing between its tokens ignored (`c #` finds `C#`, not `Cobol`). */
export function firstOccurrence(text: string, value: string): number {
  const tokens = value.trim().split(/\s+/u).filter(Boolean);
  if (tokens.length === 0) return -1;
  const body = tokens.map(escape).join('\\s*');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
  return re.exec(text)?.index ?? -1;
}

/** Details with `section` set from where each value first occurs in `text` (the text that was read). */
export function withSections(details: EntityDetails, text: string, parts: readonly FocusedPart[]): EntityDetails {
  if (parts.length === 0) return details;
  const out = { ...details };
  for (const t of ENTITY_TYPES) {
    out[t] = details[t].map((d) => {
      const offset = firstOccurrence(text, d.value);
      if (offset < 0) return d;
      const part = parts.find((p) => offset >= p.start && offset < p.end);
      return part ? { ...d, section: part.kind } : d;
    });
  }
  return out;
}
