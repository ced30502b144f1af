// The training examples' use cases: delete one, export them all as a fine-tuning file, check that
// file. Each returns the notice to show. Export and check load the dataset core on demand (the
// checker counts tokens with a 64 KB table, which the settings form does not need).
import browser from 'webextension-polyfill';
import type { CheckReport } from '../core/dataset/check';
import { errorMessage } from '../core/text';
import { downloadText } from '../shared/download-file';
import type { ExportFormat } from '../shared/examples-export';
import { deleteExample, type TrainingExample } from '../shared/examples-store';
import type { NoticeState } from '../shared/Notice';

const loadExport = () => import('../shared/examples-export');

export async function deleteTrainingExample(ex: TrainingExample): Promise<NoticeState> {
  try {
    await deleteExample(browser.storage.local, ex.id);
    return { kind: 'ok', text: `Deleted "${ex.title || ex.url}".` };
  } catch (err) {
    return { kind: 'error', text: `Could not delete the example: ${errorMessage(err)}` };
  }
}

/** Downloads the examples as JSONL in `format`; line N of the file is example N of the list. */
export async function exportTrainingData(
  examples: readonly TrainingExample[],
  format: ExportFormat,
): Promise<NoticeState> {
  try {
    const { trainingJsonl, exportFileName } = await loadExport();
    downloadText(trainingJsonl(examples, format), exportFileName(format), 'application/jsonl');
    return { kind: 'ok', text: `Exported ${examples.length} example(s) in ${format} format.` };
  } catch (err) {
    return { kind: 'error', text: `Could not export: ${errorMessage(err)}` };
  }
}

/** The dataset checker's report on the file the export would write, or the notice saying why there is none. */
export async function checkTrainingData(
  examples: readonly TrainingExample[],
  format: ExportFormat,
): Promise<{ report: CheckReport } | { notice: NoticeState }> {
  try {
    const { checkTrainingExamples } = await loadExport();
    return { report: checkTrainingExamples(examples, format) };
  } catch (err) {
    return { notice: { kind: 'error', text: `Could not check: ${errorMessage(err)}` } };
  }
}
