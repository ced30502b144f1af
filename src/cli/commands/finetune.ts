// `job-entities finetune start|status|events|list|cancel`: fine-tune a model on checked data through
// the OpenAI fine-tuning API (or any server that speaks it), and follow the job. `start` is in
// ../finetune/start.ts; the others are one request each.
import { MAX_EPOCHS } from '../../core/finetune';
import { intFlag, parseCommandArgs, runSubcommand, UsageError, type CliIO, type Command } from '../command';
import { connect, CONNECTION_OPTIONS } from '../finetune/connect';
import { eventLine, jobSummary, jobTable } from '../finetune/job-text';
import { runStart } from '../finetune/start';

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

function jobIdArg(positionals: string[], sub: string): string {
  if (positionals.length !== 1) throw new UsageError(`give one job id: job-entities finetune ${sub} JOB`);
  return positionals[0];
}

/** The flags of the listings: one page of `limit` entries, after a given one. */
const PAGE_OPTIONS = {
  ...CONNECTION_OPTIONS,
  json: { type: 'boolean' },
  limit: { type: 'string' },
  after: { type: 'string' },
} as const;

async function runStatus(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...CONNECTION_OPTIONS, json: { type: 'boolean' } });
  const job = await connect(values, io).retrieve(jobIdArg(positionals, 'status'));
  io.stdout.write(values.json ? JSON.stringify(job, null, 2) + '\n' : jobSummary(job));
  return 0;
}

async function runEvents(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, PAGE_OPTIONS);
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
  const { values, positionals } = parseCommandArgs(argv, PAGE_OPTIONS);
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
  io.stdout.write(
    jobTable(jobs) + (hasMore ? `(more jobs: job-entities finetune list --after ${jobs[jobs.length - 1].id})\n` : ''),
  );
  return 0;
}

async function runCancel(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...CONNECTION_OPTIONS });
  const job = await connect(values, io).cancel(jobIdArg(positionals, 'cancel'));
  io.stdout.write(`Job ${job.id}: ${job.status}.\n`);
  return 0;
}

export const finetuneCommand: Command = {
  name: 'finetune',
  summary: 'Fine-tune a model on checked training data and follow the job',
  help: HELP,
  run: (argv: string[], io: CliIO) =>
    runSubcommand(argv, io, {
      start: runStart,
      status: runStatus,
      events: runEvents,
      list: runList,
      cancel: runCancel,
    }),
};
