// `job-entities eval --gold FILE.jsonl`: predict every gold prompt with the configured provider and
// score the predictions against the gold completions (per type, micro and macro P/R/F1).
import { parseCompletion } from '../../core/completion';
import { emptyEntities, pickEntities, type Entities } from '../../core/entities';
import { ExtractionError } from '../../core/errors';
import { formatScores, scoreEntities } from '../../core/score';
import type { Settings } from '../../core/settings';
import { parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { streamJsonl } from '../jsonl-lines';
import type { InputRecord } from '../jsonl-records';
import { PROVIDER_FLAGS_HELP, PROVIDER_OPTIONS, settingsFromFlags } from '../settings-from-flags';
import { concurrencyFlag, DEFAULT_CONCURRENCY } from '../extract-flags';
import { extractRecords } from '../extract-records';
import { createProgress } from '../progress';
import { readTextFile } from '../files';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The gold file: where the records are read from (stdin read once, for both passes). */
interface Gold {
  path: string;
  io: CliIO;
  stdinText?: string;
}

/** The gold file's records as they are read; stdin ('-') is read once and kept for both passes. */
async function* goldRecords({ path: file, io, stdinText }: Gold): AsyncGenerator<InputRecord> {
  if (stdinText !== undefined) {
    yield* streamJsonl(
      (async function* () {
        yield stdinText;
      })(),
    );
    return;
  }
  const path = resolve(io.cwd, file);
  const st = await stat(path).catch(() => undefined);
  // Missing, a folder, unreadable: the same message every command gives for a file it cannot read.
  if (!st || !st.isFile()) await readTextFile(file, io, 'Give a JSONL file of {"prompt", "completion"} lines.');
  yield* streamJsonl(createReadStream(path));
}

const HELP = `Usage: job-entities eval --gold FILE.jsonl [provider flags] [--concurrency N] [--json]

Measure a model on labelled postings: each line of FILE.jsonl holds a "prompt" (the posting, in the
fine-tuning format) and its gold "completion". Every prompt is sent to the model; the answers are
scored against the gold entities per type (diploma, diploma_major, experience, skills) with
precision, recall and F1, plus micro and macro averages. Values match case- and
white-space-insensitively; repeats count as a multiset.

  --gold FILE.jsonl        the labelled postings (seed format: {"prompt": ..., "completion": ...})
  --concurrency N          requests in flight (default ${DEFAULT_CONCURRENCY})
  --json                   print the scores as one JSON object instead of a table
  -q, --quiet              no progress bar (drawn only when stderr is a terminal anyway)

The gold file is read line by line (twice: checked first, then predicted): memory stays flat.

${PROVIDER_FLAGS_HELP}

  --debug                  print stack traces on errors
  -h, --help               show this help

A prediction that fails counts as an empty answer and is reported on stderr. Exit codes: 0 scored;
1 a fatal error (bad key, unknown model, no quota, server unreachable) or an unreadable gold file;
2 wrong usage.

Example: job-entities eval --gold validation.jsonl --model ft:davinci-002:acme:jobs:abc123
`;

const EVAL_OPTIONS = {
  ...PROVIDER_OPTIONS,
  gold: { type: 'string', short: 'g' },
  concurrency: { type: 'string', short: 'c' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

/** First pass: every line must be usable before any request is sent (only the gold entities are kept). */
async function readGoldEntities(gold: Gold, settings: Settings): Promise<Entities[]> {
  const entities: Entities[] = [];
  for await (const r of goldRecords(gold)) {
    if (r.error || r.completion === undefined) {
      throw new ExtractionError(
        'invalid_input',
        `${gold.path} line ${r.line}: ${r.error ? r.error.message : 'has no "completion"'}. Every line needs a "prompt" and its gold "completion".`,
      );
    }
    entities.push(parseCompletion(r.completion, { stop: settings.stop }).entities);
  }
  if (entities.length === 0)
    throw new ExtractionError(
      'invalid_input',
      `${gold.path} holds no records. Give a JSONL file of {"prompt", "completion"} lines.`,
    );
  return entities;
}

/** Second pass: every prompt predicted; a failed one counts as an empty answer, said on stderr. */
async function predictGold(
  gold: Gold,
  count: number,
  settings: Settings,
  opts: { concurrency: number; quiet?: boolean },
): Promise<{ predicted: Entities[]; model?: string; failed: number }> {
  const { io } = gold;
  const predicted: Entities[] = new Array(count);
  let model: string | undefined;
  const progress = createProgress(io.stderr, count, { quiet: opts.quiet });
  const summary = await extractRecords(goldRecords(gold), settings, {
    concurrency: opts.concurrency,
    onProgress: (d, f) => progress.update(d, f),
    onOutcome: (o, i) => {
      predicted[i] = o.result ? pickEntities(o.result) : emptyEntities();
      model ??= o.result?.meta.model;
      if (o.error) {
        progress.clear();
        io.stderr.write(
          `job-entities eval: line ${o.record.line} failed (${o.error.message}); counted as an empty answer\n`,
        );
      }
    },
  });
  progress.clear();
  if (summary.fatal) throw summary.fatal;
  return { predicted, model, failed: summary.failed };
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score a model against labelled postings (precision, recall, F1)',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, EVAL_OPTIONS);
    const goldPath = values.gold ?? (positionals.length === 1 ? positionals[0] : undefined);
    if (!goldPath) throw new UsageError('give the labelled postings: --gold FILE.jsonl');
    if (positionals.length > (values.gold ? 0 : 1))
      throw new UsageError(`unexpected argument "${positionals[values.gold ? 0 : 1]}"`);
    const concurrency = concurrencyFlag(values.concurrency);
    const settings = settingsFromFlags(values, io.env);

    const gold: Gold = { path: goldPath, io, stdinText: goldPath === '-' ? await readTextFile('-', io) : undefined };
    const expected = await readGoldEntities(gold, settings);
    const run = await predictGold(gold, expected.length, settings, { concurrency, quiet: values.quiet });
    const model = run.model ?? settings.model;
    const scores = scoreEntities(expected, run.predicted);
    if (values.json) {
      io.stdout.write(JSON.stringify({ records: expected.length, failed: run.failed, model, ...scores }) + '\n');
    } else {
      io.stdout.write(
        `${expected.length} postings, model ${model || '(offline extractor)'}${run.failed ? `, ${run.failed} failed` : ''}\n`,
      );
      io.stdout.write(formatScores(scores) + '\n');
    }
    return 0;
  },
};
