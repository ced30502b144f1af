// The popup's corrected set: the model's answer (from the job, never changed) and, when the user
// removed or added chips, the user's set, kept per posting in storage.local (corrections-store)
// so a reopened popup shows it again. `result` is what the popup shows and what Copy all, export
// and "Save as training example" use; "Revert" drops the correction and the model's answer shows.
// The storage work is in correction-actions.ts.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { pickEntities, type Entities, type EntityType, type ExtractionResult } from '../../core/entities';
import type { Posting } from '../../core/posting';
import { addValue, removeValue } from '../../shared/corrections-store';
import { applyEdit, correctionsUnreadable, loadCorrection, saveCorrection } from '../correction-actions';
import type { ChipEditing } from './EditableChip';

export interface Corrections {
  /** What the popup shows: the model's result with the user's entities when corrected. */
  result: ExtractionResult | undefined;
  /** The model's answer, as cached (for "Revert" and for comparison). */
  modelResult: ExtractionResult | undefined;
  edited: boolean;
  /** The posting's key (URL + text hash); undefined until computed. */
  postingKey: string | undefined;
  edit: ChipEditing;
  revert(): void;
  /** A storage failure, in words for the popup. */
  problem: string | undefined;
}

/** What was loaded for one posting: `of` is the posting (URL + text) it belongs to. */
interface Loaded {
  of: string;
  key: string;
  entities: Entities | undefined;
}

export function useCorrections(
  posting: Posting | undefined,
  modelResult: ExtractionResult | undefined,
  postingTextHash?: string,
): Corrections {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const url = posting?.url;
  // The job's text hash identifies the posting even when the job does not keep a long posting's text.
  const text = postingTextHash ? `#${postingTextHash}` : posting?.text;
  const of = url !== undefined && text !== undefined && modelResult ? `${url}\u0000${text}` : undefined;
  // The job object is replaced on every progress update; only a different answer matters.
  const modelSig = modelResult ? JSON.stringify(pickEntities(modelResult)) : '';

  useEffect(() => {
    if (of === undefined || url === undefined || text === undefined || !modelResult) return;
    let live = true;
    loadCorrection({ url, text }, postingTextHash, modelResult).then(
      (found) => live && setLoaded({ of, ...found }),
      (err) => live && setProblem(correctionsUnreadable(err)),
    );
    return () => {
      live = false;
    };
    // `of` and `modelSig` stand for url, text and the answer: the job object itself changes on every progress update.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [of, modelSig]);

  const current = loaded && loaded.of === of ? loaded : undefined;
  const corrected = current?.entities;
  const persist = useSerialWrites(url ?? '', setProblem);
  const change = (update: (e: Entities) => Entities) => {
    if (!modelResult || !current) return;
    const next = applyEdit(modelResult, corrected, update);
    if (next === 'unchanged') return;
    setLoaded({ ...current, entities: next });
    persist(current.key, next);
  };

  const shown = useMemo(
    () => (modelResult && corrected ? { ...modelResult, ...corrected } : modelResult),
    [modelResult, corrected],
  );
  return {
    result: shown,
    modelResult,
    edited: corrected !== undefined,
    postingKey: current?.key,
    problem,
    edit: {
      remove: (type: EntityType, raw: string) => change((e) => removeValue(e, type, raw)),
      add: (type: EntityType, value: string) => change((e) => addValue(e, type, value)),
    },
    revert: () => {
      if (!current || !corrected) return;
      setLoaded({ ...current, entities: undefined });
      persist(current.key, undefined);
    },
  };
}

/** Saves run one after another, in the order of the edits; the last one's problem (or none) is shown. */
function useSerialWrites(url: string, setProblem: (problem: string | undefined) => void) {
  const writes = useRef<Promise<void>>(Promise.resolve());
  return (key: string, next: Entities | undefined) => {
    writes.current = writes.current.then(async () => setProblem(await saveCorrection(url, key, next)));
  };
}
