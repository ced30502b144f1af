// `job-entities finetune start|status|events|list|cancel`: fine-tune a model on checked data through
// the OpenAI fine-tuning API (or any server that speaks it), and follow the job.
import { basename } from 'node:path';
import { checkDataset } from '../../core/dataset/check';
import { convertDataset } from '../../core/dataset/convert';
import { toJsonl } from '../../core/dataset/fix';
import type { ReadResult } from '../../core/dataset/read';
import { ExtractionError } from '../../core/errors';
import {
  FineTuningClient,
  MAX_EPOCHS,
  trainingFormatFor,
  type FineTuningJob,
  type FineTuningJobEvent,
  type JobUpdate,
} from '../../core/finetune';
import { intFlag, parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { PROVIDER_OPTIONS, settingsFromFlags } from '../settings-from-flags';
import { readDatasetFile } from './dataset';
import { errorMessage, firstLine } from '../../core/text';

const HELP = `Usage: job-entities finetune <start|status|events|list|cancel> [options]

Fine-tune a model on your training data with the OpenAI fine-tuning API, or any server with the
same /v1/files and /v1/fine_tuning/jobs endpoints, and follow the job.

finetune start --training FILE --model BASE [--validation FILE] [--suffix S] [--epochs N] [--wait]
  Checks the training file first (as \`job-entities dataset check\`) and refuses when it has errors;
  converts it to the chat format when BASE is a chat model (gpt-4o-mini-2024-07-18, gpt-4.1-mini-...)
  or to prompt/completion for davinci-002/babbage-002; uploads it (purpose fine-tune); creates the
  job. --wait follows it (status changes, events, progress on stderr) until it ends and prints the
  fine-tuned model id with how to use it.
  --epochs N          training epochs, 1 to ${MAX_EPOCHS} (default: chosen by the server)
  --keep-files        keep the uploaded files when the job cannot be created (default: delete them)
  --suffix S          up to 64 characters added to the fine-tuned model's name
  --poll SECONDS      how often --wait asks for news (default 10)
finetune status JOB [--json]      the job's status, model, fine-tuned model id and error
finetune events JOB [--limit N] [--after EVENT] [--json]
                                   the job's latest events, oldest first (default 20); --after
                                   EVENT: the ones before that event (the next page back)
finetune list [--limit N] [--after JOB] [--json]
                                   your fine-tuning jobs, newest first (default 20); --after JOB:
                                   the page after that job
finetune cancel JOB                        stop a job that has not finished

Connection:
  --base-url URL      the server's /v1 address (env OPENAI_BASE_URL; default https://api.openai.com/v1)
  --api-key KEY       API key (env OPENAI_API_KEY)
  --timeout SECONDS   per-request timeout (default 120)
  --retries N         retries on 429 and 5xx, with backoff (default 2)

Exit codes: 0 success (start --wait: the job succeeded); 1 an error, a refused file, or a job that
failed or was cancelled; 2 wrong usage.
Examples:
  job-entities finetune start --training prepared.jsonl --model davinci-002 --suffix jobs --wait
  job-entities finetune status ftjob-abc123
`;

const CONNECTION_OPTIONS = {
  'base-url': PROVIDER_OPTIONS['base-url'],
  'api-key': PROVIDER_OPTIONS['api-key'],
  timeout: PROVIDER_OPTIONS.timeout,
  retries: PROVIDER_OPTIONS.retries,
} as const;

type ConnectionValues = { 'base-url'?: string; 'api-key'?: string; timeout?: string; retries?: string };

function connect(values: ConnectionValues, io: CliIO): FineTuningClient {
  // The shared flag parser validates the URL and numbers and reads the environment; the model is
  // not used here, a placeholder keeps its "a base URL needs a model" rule quiet.
  const s = settingsFromFlags({ ...values, provider: 'openai', model: 'fine-tuning' }, io.env);
  return new FineTuningClient({
    baseURL: s.baseURL,
    apiKey: s.apiKey,
    timeoutMs: values.timeout === undefined ? 120_000 : s.timeoutMs,
    maxRetries: s.maxRetries,
  });
}

function when(unix: number | null | undefined): string {
  return unix
    ? new Date(unix * 1000)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC')
    : '-';
}

function jobSummary(job: FineTuningJob): string {
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

function eventLine(e: FineTuningJobEvent): string {
  return `${when(e.created_at)}  ${e.level.padEnd(5)}  ${e.message}`;
}

function howToUse(model: string, baseURL: string): string {
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

/** The JSONL to upload: the file as it is when it already has the base model's format, else converted. */
function uploadContent(
  read: ReadResult,
  raw: string,
  target: 'chat' | 'completion',
): { content: string; converted: number } {
  if (read.format === 'jsonl' && read.examples.every((e) => e.kind === target)) return { content: raw, converted: 0 };
  const result = convertDataset(read, target);
  return {
    content: toJsonl(result.records),
    converted: read.examples.filter((e) => e.kind !== target || read.format !== 'jsonl').length,
  };
}

async function prepareFile(
  label: string,
  file: string,
  model: string,
  io: CliIO,
): Promise<{ name: string; content: string }> {
  const read = await readDatasetFile(file, io);
  const report = checkDataset(read, { model });
  if (report.errors.length) {
    io.stderr.write(`The ${label} file ${file} has ${report.errors.length} error(s):\n`);
    for (const e of report.errors.slice(0, 20)) io.stderr.write(`  line ${e.line}: ${e.message}\n`);
    throw new ExtractionError(
      'invalid_input',
      `Refusing to fine-tune on ${file}: fix the errors above first (\`job-entities dataset check ${file} --fix prepared.jsonl\` drops unusable lines).`,
    );
  }
  if (report.warnings.length)
    io.stderr.write(
      `${file}: ${report.warnings.length} warning(s) (${report.warnings.map((w) => w.check).join(', ')}); see \`job-entities dataset check ${file}\`.\n`,
    );
  const target = trainingFormatFor(model);
  // JSONL already in the right format is uploaded line for line (blank lines left out).
  const rawText = read.examples.map((e) => e.raw).join('\n') + '\n';
  const { content, converted } = uploadContent(read, rawText, target);
  if (converted)
    io.stderr.write(`Converted ${converted} example(s) of ${file} to the ${target} format ${model} is trained with.\n`);
  const name =
    basename(file === '-' ? 'training.jsonl' : file).replace(/\.[^.]+$/, '') +
    (converted ? `.${target}` : '') +
    '.jsonl';
  return { name, content };
}

export function progressReporter(io: Pick<CliIO, 'stderr'>) {
  const started = Date.now();
  // On a terminal the training-step bar is redrawn in place; in a log every step is its own line.
  const tty = Boolean(io.stderr.isTTY);
  let barShown = false;
  const stamp = () => {
    const s = Math.round((Date.now() - started) / 1000);
    return `[${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}]`;
  };
  const line = (text: string) => {
    io.stderr.write((barShown ? '\n' : '') + text + '\n');
    barShown = false;
  };
  return (u: JobUpdate) => {
    for (const e of u.events) {
      const d = (e.data ?? {}) as { step?: unknown; total_steps?: unknown; train_loss?: unknown };
      if (
        e.type === 'metrics' &&
        typeof d.step === 'number' &&
        typeof d.total_steps === 'number' &&
        d.total_steps > 0
      ) {
        const width = 20;
        const done = Math.min(width, Math.round((d.step / d.total_steps) * width));
        const loss = typeof d.train_loss === 'number' ? `  loss ${d.train_loss.toFixed(3)}` : '';
        const bar = `${stamp()} step ${d.step}/${d.total_steps} [${'#'.repeat(done)}${'-'.repeat(width - done)}]${loss}`;
        if (tty) {
          io.stderr.write(`\r${bar}`);
          barShown = true;
        } else line(bar);
      } else line(`${stamp()} ${e.level === 'info' ? '' : e.level + ': '}${e.message}`);
    }
    if (u.statusChanged) line(`${stamp()} status: ${u.job.status}`);
  };
}

async function runStart(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      ...CONNECTION_OPTIONS,
      training: { type: 'string' },
      validation: { type: 'string' },
      model: { type: 'string' },
      suffix: { type: 'string' },
      epochs: { type: 'string' },
      wait: { type: 'boolean' },
      poll: { type: 'string' },
      'keep-files': { type: 'boolean' },
    },
    false,
  );
  if (!values.training) throw new UsageError('--training FILE is required');
  if (!values.model) throw new UsageError('--model BASE is required (e.g. davinci-002 or gpt-4o-mini-2024-07-18)');
  if (values.suffix !== undefined && (values.suffix.length === 0 || values.suffix.length > 64))
    throw new UsageError('--suffix takes 1 to 64 characters');
  const epochs = values.epochs === undefined ? undefined : intFlag(values.epochs, 'epochs', 1, 1);
  if (epochs !== undefined && epochs > MAX_EPOCHS)
    throw new UsageError(`--epochs takes 1 to ${MAX_EPOCHS} (the API's limit), got ${epochs}`);
  const pollSeconds = values.poll === undefined ? 10 : Number(values.poll);
  if (!(pollSeconds > 0)) throw new UsageError(`--poll takes a number of seconds > 0, got "${values.poll}"`);
  const model = values.model;
  const client = connect(values, io);

  const training = await prepareFile('training', values.training, model, io);
  const validation = values.validation ? await prepareFile('validation', values.validation, model, io) : undefined;

  const trainingFile = await client.uploadTrainingFile(training.name, training.content);
  io.stderr.write(`Uploaded ${values.training} as ${trainingFile.id} (${trainingFile.bytes} bytes).\n`);
  let validationId: string | undefined;
  if (validation) {
    const f = await client.uploadTrainingFile(validation.name, validation.content);
    validationId = f.id;
    io.stderr.write(`Uploaded ${values.validation} as ${f.id} (${f.bytes} bytes).\n`);
  }
  let job: FineTuningJob;
  try {
    job = await client.createJob({
      model,
      trainingFile: trainingFile.id,
      validationFile: validationId,
      suffix: values.suffix,
      epochs,
    });
  } catch (err) {
    // Files nobody will train on would stay on the server (and count against its storage).
    const uploaded = [trainingFile.id, ...(validationId ? [validationId] : [])];
    if (values['keep-files']) io.stderr.write(`Kept the uploaded file(s) ${uploaded.join(', ')} (--keep-files).\n`);
    else {
      for (const id of uploaded) {
        try {
          await client.deleteFile(id);
          io.stderr.write(`Deleted the uploaded file ${id}: no job uses it.\n`);
        } catch (e) {
          io.stderr.write(
            `Could not delete the uploaded file ${id} (${firstLine(errorMessage(e))}); delete it in your account's storage.\n`,
          );
        }
      }
    }
    throw err;
  }
  io.stdout.write(`Started fine-tuning job ${job.id} on ${model} (status: ${job.status}).\n`);
  if (!values.wait) {
    io.stdout.write(
      `Follow it with: job-entities finetune status ${job.id}   (or events ${job.id}; --wait follows it to the end)\n`,
    );
    return 0;
  }

  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  try {
    const final = await client.followJob(job.id, progressReporter(io), controller.signal, pollSeconds * 1000);
    if (final.status === 'succeeded' && final.fine_tuned_model) {
      io.stdout.write(howToUse(final.fine_tuned_model, client.conn.baseURL));
      return 0;
    }
    if (final.status === 'failed') {
      const why = final.error?.message
        ? `${final.error.message}${final.error.code ? ` (${final.error.code})` : ''}`
        : 'the server gave no reason';
      throw new ExtractionError('bad_request', `The fine-tuning job ${final.id} failed: ${why}`);
    }
    throw new ExtractionError(
      'cancelled',
      `The fine-tuning job ${final.id} ended with status ${final.status}${final.status === 'cancelled' ? ' (it was cancelled)' : ''}.`,
    );
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

function jobIdArg(positionals: string[], sub: string): string {
  if (positionals.length !== 1) throw new UsageError(`give one job id: job-entities finetune ${sub} JOB`);
  return positionals[0];
}

async function runStatus(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...CONNECTION_OPTIONS, json: { type: 'boolean' } });
  const job = await connect(values, io).retrieve(jobIdArg(positionals, 'status'));
  io.stdout.write(values.json ? JSON.stringify(job, null, 2) + '\n' : jobSummary(job));
  return 0;
}

async function runEvents(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...CONNECTION_OPTIONS,
    json: { type: 'boolean' },
    limit: { type: 'string' },
    after: { type: 'string' },
  });
  const limit = intFlag(values.limit, 'limit', 20, 1);
  const id = jobIdArg(positionals, 'events');
  const { events: newestFirst, hasMore } = await connect(values, io).listEventsPage(id, { limit, after: values.after });
  const events = [...newestFirst].reverse();
  if (values.json) io.stdout.write(JSON.stringify(events, null, 2) + '\n');
  else {
    io.stdout.write(events.length ? events.map(eventLine).join('\n') + '\n' : 'No events yet.\n');
    if (hasMore && events.length)
      io.stdout.write(`(older events: job-entities finetune events ${id} --after ${events[0].id})\n`);
  }
  return 0;
}

async function runList(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...CONNECTION_OPTIONS,
    json: { type: 'boolean' },
    limit: { type: 'string' },
    after: { type: 'string' },
  });
  if (positionals.length) throw new UsageError(`list takes no arguments, got ${positionals.join(' ')}`);
  const limit = intFlag(values.limit, 'limit', 20, 1);
  const { jobs, hasMore } = await connect(values, io).list({ limit, after: values.after });
  if (values.json) {
    io.stdout.write(JSON.stringify({ data: jobs, has_more: hasMore }, null, 2) + '\n');
    return 0;
  }
  if (!jobs.length) {
    io.stdout.write(
      'No fine-tuning jobs yet. Start one with: job-entities finetune start --training FILE --model BASE\n',
    );
    return 0;
  }
  const rows = jobs.map((j) => [j.id, j.status, j.model, j.fine_tuned_model ?? '-', when(j.created_at)]);
  const head = ['JOB', 'STATUS', 'BASE MODEL', 'FINE-TUNED MODEL', 'CREATED'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  io.stdout.write(
    [fmt(head), ...rows.map(fmt)].join('\n') +
      '\n' +
      (hasMore ? `(more jobs: job-entities finetune list --after ${jobs[jobs.length - 1].id})\n` : ''),
  );
  return 0;
}

async function runCancel(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...CONNECTION_OPTIONS });
  const job = await connect(values, io).cancel(jobIdArg(positionals, 'cancel'));
  io.stdout.write(`Job ${job.id}: ${job.status}.\n`);
  return 0;
}

const SUBCOMMANDS = ['start', 'status', 'events', 'list', 'cancel'] as const;

export const finetuneCommand: Command = {
  name: 'finetune',
  summary: 'Fine-tune a model on checked training data and follow the job',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = argv;
    switch (sub) {
      case 'start':
        return runStart(rest, io);
      case 'status':
        return runStatus(rest, io);
      case 'events':
        return runEvents(rest, io);
      case 'list':
        return runList(rest, io);
      case 'cancel':
        return runCancel(rest, io);
      default:
        throw new UsageError(
          sub
            ? `unknown subcommand "${sub}"; use one of ${SUBCOMMANDS.join(', ')}`
            : `give a subcommand: ${SUBCOMMANDS.join(', ')}`,
        );
    }
  },
};
