// How fine-tuning jobs and their events read on the terminal.
import type { FineTuningJob, FineTuningJobEvent } from '../../core/finetune';

/** A Unix time as "2024-05-01 12:00:00 UTC", or "-" when there is none. */
export function when(unix: number | null | undefined): string {
  return unix
    ? new Date(unix * 1000)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC')
    : '-';
}

export function jobSummary(job: FineTuningJob): string {
  const lines = [
    `Job ${job.id}`,
    `  status:           ${job.status}`,
    `  base model:       ${job.model}`,
    `  fine-tuned model: ${job.fine_tuned_model ?? '-'}`,
    `  training file:    ${job.training_file}${job.validation_file ? ` (validation ${job.validation_file})` : ''}`,
    `  created:          ${when(job.created_at)}`,
    `  finished:         ${when(job.finished_at)}`,
  ];
  if (job.trained_tokens) lines.push(`  trained tokens:   ${job.trained_tokens}`);
  if (job.error?.message)
    lines.push(`  error:            ${job.error.message}${job.error.code ? ` (${job.error.code})` : ''}`);
  return lines.join('\n') + '\n';
}

export function eventLine(e: FineTuningJobEvent): string {
  return `${when(e.created_at)}  ${e.level.padEnd(5)}  ${e.message}`;
}

export function howToUse(model: string, baseURL: string): string {
  return (
    [
      `Fine-tuned model: ${model}`,
      '',
      'Use it in the browser extension: open the options page -> Model, paste the id above' +
        (baseURL.includes('api.openai.com') ? '' : ` (Base URL ${baseURL})`) +
        ', then Save.',
      `On the command line: job-entities extract --model ${model}${baseURL.includes('api.openai.com') ? '' : ` --base-url ${baseURL}`} --input POSTING`,
    ].join('\n') + '\n'
  );
}

/** Jobs as a table with a header, one job per line, columns padded to their widest cell. */
export function jobTable(jobs: FineTuningJob[]): string {
  const rows = jobs.map((j) => [j.id, j.status, j.model, j.fine_tuned_model ?? '-', when(j.created_at)]);
  const head = ['JOB', 'STATUS', 'BASE MODEL', 'FINE-TUNED MODEL', 'CREATED'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [fmt(head), ...rows.map(fmt)].join('\n') + '\n';
}
