// "Highlight in page": the shown entities marked in the tab's page (through the worker's
// "highlight" message), chip clicks that scroll the page to the next occurrence, and what was not
// found. The toggle's state survives a reopened popup (storage.session, cleared on navigation).
// The commands are in highlight-actions.ts.
import { useEffect, useState } from 'preact/hooks';
import type { Entities, EntityType } from '../core/entities';
import type { MatchResult } from '../core/match';
import type { HighlightReport } from '../shared/highlight-contract';
import {
  entryKey,
  highlightOn,
  revealText,
  sendHighlight,
  wasHighlighted,
  type HighlightCommand,
} from './highlight-actions';

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

  const send = async (command: HighlightCommand): Promise<HighlightReport | undefined> => {
    if (tabId === undefined) return undefined;
    setProblem(undefined);
    const answer = await sendHighlight(tabId, command);
    if ('problem' in answer) setProblem(answer.problem);
    return 'report' in answer ? answer.report : undefined;
  };

  // The page of a reopened popup may still be highlighted: paint again with the shown entities.
  useEffect(() => {
    setOn(false);
    setReport(undefined);
    if (tabId === undefined || !entities) return;
    let live = true;
    void wasHighlighted(tabId).then(async (highlighted) => {
      if (!live || !highlighted) return;
      const r = await send(highlightOn(entities, match));
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
      void send(on ? { op: 'off' } : highlightOn(entities, match))
        .then((r) => {
          if (!r) return;
          setOn(r.on);
          setReport(r.on ? r : undefined);
        })
        .finally(() => setBusy(false));
    },
    reveal: async (type, raw) => {
      const r = await send({ op: 'reveal', key: entryKey(type, raw) });
      return r ? revealText(raw, r) : '';
    },
  };
}
