// "Highlight in page": the shown entities marked in the tab's page (through the worker's
// "highlight" message), chip clicks that scroll the page to the next occurrence, and what was not
// found. The toggle's state survives a reopened popup (storage.session, cleared on navigation).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { groupForDisplay, toDisplay, valueKey } from '../core/display';
import { ENTITY_TYPES, type Entities, type EntityType } from '../core/entities';
import { skillKey, type MatchResult } from '../core/match';
import type { HighlightEntry, HighlightReport } from '../shared/highlight-contract';
import { MessageError, sendMessage } from '../shared/messages';
import { highlightKey } from '../shared/storage';
import { inExtensionWords } from './error-words';

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

export interface Highlight {
  on: boolean;
  busy: boolean;
  report?: HighlightReport;
  problem?: string;
  toggle: () => void;
  reveal: (type: EntityType, raw: string) => Promise<string>;
}

export function useHighlight(
  tabId: number | undefined,
  entities: Entities | undefined,
  match: MatchResult | undefined,
): Highlight {
  const [on, setOn] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<HighlightReport | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const signature = entities ? JSON.stringify([entities, match?.matched]) : '';

  const send = async (
    command: Parameters<typeof sendMessage<'highlight'>>[1]['command'],
  ): Promise<HighlightReport | undefined> => {
    if (tabId === undefined) return undefined;
    try {
      setProblem(undefined);
      return await sendMessage('highlight', { tabId, command });
    } catch (err) {
      setProblem(inExtensionWords(err instanceof MessageError ? err.info.message : String(err)));
      return undefined;
    }
  };

  // The page of a reopened popup may still be highlighted: paint again with the shown entities.
  useEffect(() => {
    setOn(false);
    setReport(undefined);
    if (tabId === undefined || !entities) return;
    let live = true;
    void browser.storage.session.get(highlightKey(tabId)).then(async (got) => {
      if (!live || got[highlightKey(tabId)] !== true) return;
      const r = await send({ op: 'on', entries: highlightEntries(entities, match) });
      if (!live) return;
      setOn(Boolean(r?.on));
      setReport(r);
    });
    return () => {
      live = false;
    };
    // `signature` stands for entities and match (new objects on every render, the same content).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [tabId, signature]);

  return {
    on,
    busy,
    report,
    problem,
    toggle: () => {
      if (!entities || busy) return;
      setBusy(true);
      void send(on ? { op: 'off' } : { op: 'on', entries: highlightEntries(entities, match) })
        .then((r) => {
          if (!r) return;
          setOn(r.on);
          setReport(r.on ? r : undefined);
        })
        .finally(() => setBusy(false));
    },
    reveal: async (type, raw) => {
      const r = await send({ op: 'reveal', key: entryKey(type, raw) });
      if (!r) return '';
      if (!r.total) return `"${toDisplay(raw)}" is not found in the page.`;
      return `"${toDisplay(raw)}": ${r.index! + 1} of ${r.total} in the page`;
    },
  };
}
