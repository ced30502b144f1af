// `job-entities eval --gold FILE.jsonl`: predict every gold prompt with the configured provider and
// score the predictions against the gold completions (per type, micro and macro P/R/F1).
import { parseCompletion } from '../../core/completion';
import { emptyEntities, pickEntities, type Entities } from '../../core/entities';
import { ExtractionError } from '../../core/errors';
import { formatScores, scoreEntities } from '../../core/score';
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

/** The gold file's records as they are read; stdin ('-') is read once and kept for both passes. */
async function* streamGold(file: string, io: CliIO, stdinText?: string): AsyncGenerator<InputRecord> {
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

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score a model against labelled postings (precision, recall, F1)',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, {
      ...PROVIDER_OPTIONS,
      gold: { type: 'string', short: 'g' },
      concurrency: { type: 'string', short: 'c' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    });
    const goldPath = values.gold ?? (positionals.length === 1 ? positionals[0] : undefined);
    if (!goldPath) throw new UsageError('give the labelled postings: --gold FILE.jsonl');
    if (positionals.length > (values.gold ? 0 : 1))
      throw new UsageError(`unexpected argument "${positionals[values.gold ? 0 : 1]}"`);
    const concurrency = concurrencyFlag(values.concurrency);
    const settings = settingsFromFlags(values, io.env);

    // First pass: every line must be usable before any request is sent (only the gold entities are kept).
    const gold: Entities[] = [];
    const stdinText = goldPath === '-' ? await readTextFile('-', io) : undefined;
    for await (const r of streamGold(goldPath, io, stdinText)) {
      if (r.error || r.completion === undefined) {
        throw new ExtractionError(
          'invalid_input',
          `${goldPath} line ${r.line}: ${r.error ? r.error.message : 'has no "completion"'}. Every line needs a "prompt" and its gold "completion".`,
        );
      }
      gold.push(parseCompletion(r.completion, { stop: settings.stop }).entities);
    }
    if (gold.length === 0)
      throw new ExtractionError(
        'invalid_input',
        `${goldPath} holds no records. Give a JSONL file of {"prompt", "completion"} lines.`,
      );

    const predicted: Entities[] = new Array(gold.length);
    let model: string | undefined;
    const progress = createProgress(io.stderr, gold.length, { quiet: values.quiet });
    const summary = await extractRecords(streamGold(goldPath, io, stdinText), settings, {
      concurrency,
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
    const records = gold;
    model ??= settings.model;

    const scores = scoreEntities(gold, predicted);
    if (values.json) {
      io.stdout.write(JSON.stringify({ records: records.length, failed: summary.failed, model, ...scores }) + '\n');
    } else {
      io.stdout.write(
        `${records.length} postings, model ${model || '(offline extractor)'}${summary.failed ? `, ${summary.failed} failed` : ''}\n`,
      );
      io.stdout.write(formatScores(scores) + '\n');
    }
    return 0;
  },
};
