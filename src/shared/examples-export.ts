// Saved training examples as a fine-tuning file, through the dataset core (the same code as
// `job-entities dataset convert` and `dataset check`): completion lines are buildPrompt(text) and
// the prepared completion (" ...\n END"), chat lines the inference system and user messages plus
// the assistant's answer. Line N of the file is example N of the list, so the checker's line
// numbers point at the options page's list. Loaded on demand: the checker pulls in the tokenizer.
import type { CheckReport } from '../core/dataset/check';
import { checkDataset } from '../core/dataset/check';
import { convertDataset } from '../core/dataset/convert';
import { preparedCompletion, toJsonl } from '../core/dataset/fix';
import type { Example } from '../core/dataset/read';
import { buildPrompt } from '../core/prompt';
import type { TrainingExample } from './examples-store';

export const EXPORT_FORMATS = ['completion', 'chat'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The base model each format is checked against (sets the length limit). */
const CHECK_MODEL: Record<ExportFormat, string> = { completion: 'davinci-002', chat: 'gpt-4o-mini-2024-07-18' };

/** The examples as the dataset core's input: prompt/completion records, one per line. */
export function toDatasetExamples(examples: readonly TrainingExample[]): Example[] {
  return examples.map((ex, i) => {
    const record = { prompt: buildPrompt(ex.text), completion: preparedCompletion(ex.entities) };
    return { line: i + 1, raw: JSON.stringify(record), record, kind: 'completion' as const };
  });
}

/** The records of the file in the chosen format, in list order. */
export function trainingRecords(examples: readonly TrainingExample[], format: ExportFormat): object[] {
  const { records, errors } = convertDataset(toDatasetExamples(examples), format);
  // Every record is built here from validated examples, so the converter has nothing to refuse.
  if (errors.length) throw new Error(`Could not convert example ${errors[0].line}: ${errors[0].message}`);
  return records;
}

/** JSONL text: one JSON object per line, a final newline. */
export function trainingJsonl(examples: readonly TrainingExample[], format: ExportFormat): string {
  return toJsonl(trainingRecords(examples, format));
}

/** The dataset checker's report on the file the export would write. */
export function checkTrainingExamples(examples: readonly TrainingExample[], format: ExportFormat): CheckReport {
  const records = trainingRecords(examples, format);
  const asExamples: Example[] = records.map((record, i) => ({
    line: i + 1,
    raw: JSON.stringify(record),
    record: record as Record<string, unknown>,
    kind: format === 'chat' ? 'chat' : 'completion',
  }));
  return checkDataset(asExamples, { model: CHECK_MODEL[format] });
}

export function exportFileName(format: ExportFormat, now: Date = new Date()): string {
  return `job-entities-training-${format}-${now.toISOString().slice(0, 10)}.jsonl`;
}
