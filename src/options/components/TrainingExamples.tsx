// The options page's "Training examples" section: the examples saved from the popup (count, list,
// delete), "Export training data" as JSONL in completion or chat format, and "Check", the dataset
// checker's report on that very file. Line N of the file is example N of the list, so the
// report's line numbers point here. Export and check load the dataset core on demand (the
// checker counts tokens with a 64 KB table, which the settings form does not need).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { CheckReport } from '../../core/dataset/check';
import { ENTITY_LABELS, ENTITY_TYPES, isEmpty } from '../../core/entities';
import { downloadText } from '../../shared/download-file';
import type { ExportFormat } from '../../shared/examples-export';
import {
  deleteExample,
  examplesChanged,
  readExamples,
  type ExamplesRead,
  type TrainingExample,
} from '../../shared/examples-store';
import './TrainingExamples.css';

type Notice = { kind: 'ok' | 'error' | 'info'; text: string } | undefined;

const loadExport = () => import('../../shared/examples-export');

function entityCounts(ex: TrainingExample): string {
  if (isEmpty(ex.entities)) return 'negative (no entity)';
  return ENTITY_TYPES.filter((t) => ex.entities[t].length > 0)
    .map((t) => `${ex.entities[t].length} ${ENTITY_LABELS[t].toLowerCase()}`)
    .join(' · ');
}

export function TrainingExamples() {
  const [read, setRead] = useState<ExamplesRead | undefined>(undefined);
  const [format, setFormat] = useState<ExportFormat>('completion');
  const [report, setReport] = useState<{ format: ExportFormat; report: CheckReport } | undefined>(undefined);
  const [notice, setNotice] = useState<Notice>(undefined);

  useEffect(() => {
    const load = () => void readExamples(browser.storage.local).then(setRead);
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (!examplesChanged(changes, area)) return;
      setReport(undefined);
      load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const examples = read?.examples ?? [];

  const remove = async (ex: TrainingExample) => {
    try {
      await deleteExample(browser.storage.local, ex.id);
      setNotice({ kind: 'ok', text: `Deleted "${ex.title || ex.url}".` });
    } catch (err) {
      setNotice({ kind: 'error', text: `Could not delete the example: ${(err as Error).message}` });
    }
  };

  const exportFile = async () => {
    try {
      const { trainingJsonl, exportFileName } = await loadExport();
      downloadText(trainingJsonl(examples, format), exportFileName(format), 'application/jsonl');
      setNotice({ kind: 'ok', text: `Exported ${examples.length} example(s) in ${format} format.` });
    } catch (err) {
      setNotice({ kind: 'error', text: `Could not export: ${(err as Error).message}` });
    }
  };

  const check = async () => {
    try {
      const { checkTrainingExamples } = await loadExport();
      setReport({ format, report: checkTrainingExamples(examples, format) });
      setNotice(undefined);
    } catch (err) {
      setNotice({ kind: 'error', text: `Could not check: ${(err as Error).message}` });
    }
  };

  return (
    <section class="training" data-testid="training-examples" aria-labelledby="training-title">
      <h2 id="training-title">Training examples</h2>
      <p class="lead">
        Corrected answers saved from the popup ("Save as training example"). Export them as a fine-tuning file for your
        model: completion format for davinci-002 / babbage-002, chat format for gpt-4o-mini and open fine-tuning tools.
      </p>
      <p data-testid="example-count">
        {read === undefined ? 'Loading…' : `${examples.length} saved example${examples.length === 1 ? '' : 's'}.`}
        {read &&
          read.invalid.length > 0 &&
          ` ${read.invalid.length} unreadable stored example(s) were set aside and are not shown.`}
      </p>
      {read && examples.length === 0 && (
        <p class="field-hint">
          No training examples yet. In the popup, correct the chips, then click "Save as training example".
        </p>
      )}
      {examples.length > 0 && (
        <ol class="example-list" data-testid="example-list">
          {examples.map((ex) => (
            <li key={ex.id} data-testid="example" data-url={ex.url}>
              <div class="example-main">
                <span class="example-title">{ex.title || ex.url}</span>
                <span class="example-facts">
                  {/^https?:/.test(ex.url) ? (
                    <a href={ex.url} target="_blank" rel="noreferrer">
                      {ex.url}
                    </a>
                  ) : (
                    ex.url
                  )}{' '}
                  · {new Date(ex.savedAt).toLocaleString()} ·{' '}
                  <span data-testid="example-counts">{entityCounts(ex)}</span>
                </span>
              </div>
              <button
                type="button"
                class="link"
                data-testid="delete-example"
                aria-label={`Delete the example "${ex.title || ex.url}"`}
                onClick={() => void remove(ex)}
              >
                Delete
              </button>
            </li>
          ))}
        </ol>
      )}
      <div class="row buttons training-actions">
        <label for="export-format">Format</label>
        <select
          id="export-format"
          data-testid="export-format"
          value={format}
          onChange={(e) => {
            setFormat(e.currentTarget.value as ExportFormat);
            setReport(undefined);
          }}
        >
          <option value="completion">completion (prompt / completion)</option>
          <option value="chat">chat (messages)</option>
        </select>
        <button
          type="button"
          class="button primary"
          data-testid="export-examples"
          disabled={examples.length === 0}
          onClick={() => void exportFile()}
        >
          Export training data
        </button>
        <button
          type="button"
          class="button"
          data-testid="check-examples"
          disabled={examples.length === 0}
          onClick={() => void check()}
        >
          Check
        </button>
      </div>
      {notice && (
        <p
          class={`notice ${notice.kind}`}
          data-testid="training-notice"
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      {report && <CheckReportView format={report.format} report={report.report} examples={examples} />}
    </section>
  );
}

function lineLabel(line: number, examples: readonly TrainingExample[]): string {
  const ex = examples[line - 1];
  return ex ? `${line} (${ex.title || ex.url})` : String(line);
}

function CheckReportView({
  format,
  report,
  examples,
}: {
  format: ExportFormat;
  report: CheckReport;
  examples: readonly TrainingExample[];
}) {
  const s = report.stats;
  return (
    <div
      class="check-report"
      data-testid="check-report"
      data-errors={report.errors.length}
      data-warnings={report.warnings.length}
    >
      <p class="check-summary">
        {format} format, checked for {s.model}: {report.examples} example(s), {report.errors.length} error(s),{' '}
        {report.warnings.length} warning(s). {s.positives} with entities, {s.negatives} negative;{' '}
        {ENTITY_TYPES.map((t) => `${ENTITY_LABELS[t].toLowerCase()} ${s.entities[t].values}`).join(', ')}; up to{' '}
        {s.tokens.max} tokens per example.
      </p>
      {report.errors.length > 0 && (
        <ul class="check-errors">
          {report.errors.map((e) => (
            <li key={`${e.line}:${e.message}`} data-testid="check-error" data-line={e.line}>
              Line {lineLabel(e.line, examples)}: {e.message}
            </li>
          ))}
        </ul>
      )}
      {report.warnings.length > 0 ? (
        <ul class="check-warnings">
          {report.warnings.map((w) => (
            <li key={w.check} data-testid="check-warning" data-check={w.check} data-lines={w.lines.join(',')}>
              {w.message}
              {w.lines.length > 0 && (
                <span class="check-lines"> Lines: {w.lines.map((l) => lineLabel(l, examples)).join(', ')}.</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        report.errors.length === 0 && <p class="notice ok">No problems found.</p>
      )}
    </div>
  );
}
