// Entities as plain text for the clipboard: one type per line ("Skills: python, sql"), display
// forms, each value once (its repeats are a count in the popup, not extra copies).
import { neutraliseCell } from '../core/export/delimited';
import { ENTITY_LABELS, ENTITY_TYPES, type Entities, type EntityType } from '../core/entities';
import { groupForDisplay } from '../core/display';

export function groupText(values: string[]): string {
  return groupForDisplay(values)
    .map((g) => g.display)
    .join(', ');
}

export function entitiesAsText(e: Entities): string {
  return ENTITY_TYPES.filter((t: EntityType) => e[t].length > 0)
    .map((t) => `${ENTITY_LABELS[t]}: ${groupText(e[t])}`)
    .join('\n');
}

/**
 * A chip's or a group's text as it goes on the clipboard: pasted into a spreadsheet it must show as
 * text, not run as a formula (`=HYPERLINK(…)` from a hostile posting), as the table exports ensure.
 */
export function clipboardValue(text: string): string {
  return neutraliseCell(text);
}
