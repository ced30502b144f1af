// The options page's "Training examples" section: the examples saved from the popup (count, list,
// delete), "Export training data" as JSONL in completion or chat format, and "Check", the dataset
// checker's report on that very file. Line N of the file is example N of the list, so the
// report's line numbers point here. The use cases are in examples-actions.ts.
import { useState } from 'preact/hooks';
import type { CheckReport } from '../../core/dataset/check';
import { pluralize } from '../../core/text';
import type { ExportFormat } from '../../shared/examples-export';
import type { ExamplesRead, TrainingExample } from '../../shared/examples-store';
import { Notice, type NoticeState } from '../../shared/Notice';
import { checkTrainingData, deleteTrainingExample, exportTrainingData } from '../examples-actions';
import { useTrainingExamples } from '../use-stored-data';
import { CheckReportView } from './CheckReportView';
import { ExampleList } from './ExampleList';
import './TrainingExamples.css';

/** A report belongs to the examples it was made for: shown only until they change. */
interface ShownReport {
  of: ExamplesRead | undefined;
  format: ExportFormat;
  report: CheckReport;
}

function ExampleCount({ read }: { read: ExamplesRead | undefined }) {
  return (
    <p data-testid="example-count">
      {read === undefined ? 'Loading…' : `${pluralize(read.examples.length, 'saved example')}.`}
      {read &&
        read.invalid.length > 0 &&
        ` ${read.invalid.length} unreadable stored example(s) were set aside and are not shown.`}
    </p>
  );
}

function ExportControls({
  format,
  disabled,
  onFormat,
  onExport,
  onCheck,
}: {
  format: ExportFormat;
  disabled: boolean;
  onFormat: (f: ExportFormat) => void;
  onExport: () => void;
  onCheck: () => void;
}) {
  return (
    <div class="row buttons training-actions">
      <label for="export-format">Format</label>
      <select
        id="export-format"
        data-testid="export-format"
        value={format}
        onChange={(e) => onFormat(e.currentTarget.value as ExportFormat)}
      >
        <option value="completion">completion (prompt / completion)</option>
        <option value="chat">chat (messages)</option>
      </select>
      <button type="button" class="button primary" data-testid="export-examples" disabled={disabled} onClick={onExport}>
        Export training data
      </button>
      <button type="button" class="button" data-testid="check-examples" disabled={disabled} onClick={onCheck}>
        Check
      </button>
    </div>
  );
}

export function TrainingExamples() {
  const read = useTrainingExamples();
  const [format, setFormat] = useState<ExportFormat>('completion');
  const [report, setReport] = useState<ShownReport>();
  const [notice, setNotice] = useState<NoticeState>();
  const examples = read?.examples ?? [];
  const shownReport = report?.of === read ? report : undefined;

  const remove = async (ex: TrainingExample) => setNotice(await deleteTrainingExample(ex));
  const exportFile = async () => setNotice(await exportTrainingData(examples, format));
  const check = async () => {
    const checked = await checkTrainingData(examples, format);
    if ('notice' in checked) return setNotice(checked.notice);
    setReport({ of: read, format, report: checked.report });
    setNotice(undefined);
  };

  return (
    <section class="training" data-testid="training-examples" aria-labelledby="training-title">
      <h2 id="training-title">Training examples</h2>
      <p class="lead">
        Corrected answers saved from the popup ("Save as training example"). Export them as a fine-tuning file for your
        model: completion format for davinci-002 / babbage-002, chat format for gpt-4o-mini and open fine-tuning tools.
      </p>
      <ExampleCount read={read} />
      {read && examples.length === 0 && (
        <p class="field-hint">
          No training examples yet. In the popup, correct the chips, then click "Save as training example".
        </p>
      )}
      {examples.length > 0 && <ExampleList examples={examples} onDelete={(ex) => void remove(ex)} />}
      <ExportControls
        format={format}
        disabled={examples.length === 0}
        onFormat={(f) => {
          setFormat(f);
          setReport(undefined);
        }}
        onExport={() => void exportFile()}
        onCheck={() => void check()}
      />
      <Notice notice={notice} testId="training-notice" />
      {shownReport && <CheckReportView format={shownReport.format} report={shownReport.report} examples={examples} />}
    </section>
  );
}
