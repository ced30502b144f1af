// The dataset checker's report on the training file: a summary, the errors and the warnings, each
// naming its lines as "N (the example's title)" so they can be found in the list above.
import type { CheckReport } from '../../core/dataset/check';
import { ENTITY_LABELS, ENTITY_TYPES } from '../../core/entities';
import type { ExportFormat } from '../../shared/examples-export';
import type { TrainingExample } from '../../shared/examples-store';
import { Notice } from '../../shared/Notice';

function lineLabel(line: number, examples: readonly TrainingExample[]): string {
  const ex = examples[line - 1];
  return ex ? `${line} (${ex.title || ex.url})` : String(line);
}

export function CheckReportView({
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
        report.errors.length === 0 && (
          <Notice notice={{ kind: 'ok', text: 'No problems found.' }} testId="check-no-problems" />
        )
      )}
    </div>
  );
}
