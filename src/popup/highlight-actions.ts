// The "Highlight in page" commands: what the view sends the worker's "highlight" message (on with
// the shown entities, off, reveal a value), and what each answer says to the user.
import browser from 'webextension-polyfill';
import { groupForDisplay, toDisplay, valueKey } from '../core/display';
import { ENTITY_TYPES, type Entities, type EntityType } from '../core/entities';
import { skillKey, type MatchResult } from '../core/match';
import type { HighlightEntry, HighlightReport } from '../shared/highlight-contract';
import { MessageError, sendMessage } from '../shared/messages';
import { highlightKey } from '../shared/storage';
import { inExtensionWords } from './error-words';

export type HighlightCommand = Parameters<typeof sendMessage<'highlight'>>[1]['command'];

export function entryKey(type: EntityType, raw: string): string {
  return `${type}:${valueKey(raw)}`;
}

/** One entry per distinct shown value; skills are matched / missing in candidate mode. */
export function highlightEntries(entities: Entities, match?: MatchResult): HighlightEntry[] {
  const matched = match ? new Set(match.matched.map((s) => skillKey(s))) : undefined;
  return ENTITY_TYPES.flatMap((type) =>
    groupForDisplay(entities[type]).map((g) => ({
      key: entryKey(type, g.raw),
      value: g.raw,
      kind:
        type === 'skills' && matched
          ? matched.has(skillKey(g.raw))
            ? ('matched' as const)
            : ('missing' as const)
          : type,
    })),
  );
}

/** Highlight the shown entities in the page. */
export function highlightOn(entities: Entities, match?: MatchResult): HighlightCommand {
  return { op: 'on', entries: highlightEntries(entities, match) };
}

/** The worker's report, or the problem in the extension's words. */
export async function sendHighlight(
  tabId: number,
  command: HighlightCommand,
): Promise<{ report: HighlightReport } | { problem: string }> {
  try {
    return { report: await sendMessage('highlight', { tabId, command }) };
  } catch (err) {
    return { problem: inExtensionWords(err instanceof MessageError ? err.info.message : String(err)) };
  }
}

/** Whether the tab's page was left highlighted (a reopened popup paints it again). */
export async function wasHighlighted(tabId: number): Promise<boolean> {
  const got = await browser.storage.session.get(highlightKey(tabId));
  return got[highlightKey(tabId)] === true;
}

/** What a chip click says after scrolling the page to the value's next occurrence. */
export function revealText(raw: string, report: HighlightReport): string {
  if (!report.total) return `"${toDisplay(raw)}" is not found in the page.`;
  return `"${toDisplay(raw)}": ${report.index! + 1} of ${report.total} in the page`;
}
