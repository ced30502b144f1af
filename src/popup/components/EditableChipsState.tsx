// The popup's corrected set: the model's answer (from the job, never changed) and, when the user
// removed or added chips, the user's set, kept per posting in storage.local (corrections-store)
// so a reopened popup shows it again. `result` is what the popup shows and what Copy all, export
// and "Save as training example" use; "Revert" drops the correction and the model's answer shows.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { pickEntities, type Entities, type EntityType, type ExtractionResult } from '../../core/entities';
import type { Posting } from '../../core/posting';
import {
  addValue,
  correctionKeyOf,
  deleteCorrection,
  postingCorrectionKey,
  readCorrection,
  removeValue,
  sameEntities,
  writeCorrection,
} from '../../shared/corrections-store';
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
  // Writes run one after another, in the order of the edits.
  const writes = useRef<Promise<void>>(Promise.resolve());
  const url = posting?.url;
  // The job's text hash identifies the posting even when the job does not keep a long posting's text.
  const text = postingTextHash ? `#${postingTextHash}` : posting?.text;
  const of = url !== undefined && text !== undefined && modelResult ? `${url}\u0000${text}` : undefined;
  // The job object is replaced on every progress update; only a different answer matters.
  const modelSig = modelResult ? JSON.stringify(pickEntities(modelResult)) : '';

  useEffect(() => {
    if (of === undefined || url === undefined || text === undefined || !modelResult) return;
    let live = true;
    void (async () => {
      try {
        const key = postingTextHash ? correctionKeyOf(url, postingTextHash) : await postingCorrectionKey({ url, text });
        const saved = await readCorrection(browser.storage.local, key);
        if (!live) return;
        setLoaded({
          of,
          key,
          entities: saved && !sameEntities(saved.entities, modelResult) ? saved.entities : undefined,
        });
      } catch (err) {
        if (live) setProblem(`Your corrections could not be read (${(err as Error).message}).`);
      }
    })();
    return () => {
      live = false;
    };
    // `of` and `modelSig` stand for url, text and the answer: the job object itself changes on every progress update.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [of, modelSig]);

  const current = loaded && loaded.of === of ? loaded : undefined;
  const corrected = current?.entities;

  const persist = (key: string, next: Entities | undefined) => {
    writes.current = writes.current.then(async () => {
      try {
        if (next)
          await writeCorrection(browser.storage.local, key, {
            url: url ?? '',
            textHash: key.split('\u0000')[1],
            entities: next,
            updatedAt: Date.now(),
          });
        else await deleteCorrection(browser.storage.local, key);
        setProblem(undefined);
      } catch (err) {
        setProblem(
          `Your correction could not be saved (${(err as Error).message}); it is shown but will be lost when the popup closes.`,
        );
      }
    });
  };

  const change = (update: (e: Entities) => Entities) => {
    if (!modelResult || !current) return;
    const base = corrected ?? pickEntities(modelResult);
    const next = update(base);
    if (sameEntities(next, base)) return;
    const back = sameEntities(next, modelResult);
    setLoaded({ ...current, entities: back ? undefined : next });
    persist(current.key, back ? undefined : next);
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
