// `job-entities dataset check|convert|split|from-iob`: prepare fine-tuning data (issue 5).
// The work is done by the pure core in src/core/dataset; this file reads and writes files.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ENTITY_TYPES } from '../../core/entities';
import { ExtractionError } from '../../core/errors';
import { checkDataset, type CheckReport } from '../../core/dataset/check';
import { convertDataset } from '../../core/dataset/convert';
import { fixDataset, toJsonl } from '../../core/dataset/fix';
import { iobToExamples } from '../../core/dataset/iob';
import { readDataset, readJsonLine, type ReadResult } from '../../core/dataset/read';
import { splitDataset } from '../../core/dataset/split';
import { intFlag, parseCommandArgs, runSubcommand, UsageError, type CliIO, type Command } from '../command';
import { readTextFile } from '../files';
import { linesOf } from '../jsonl-lines';
import { lineList } from '../line-list';
import { errorMessage, firstLine } from '../../core/text';

const HELP = `Usage: job-entities dataset <check|convert|split|from-iob> FILE [options]

Prepare training data for fine-tuning: check it, fix it, convert it between the completion and chat
formats, split it, or build it from IOB-tagged text. FILE is JSONL (one {"prompt","completion"} or
{"messages":[...]} object per line), a JSON array of such objects, or a CSV/TSV sheet with "prompt"
and "completion" columns.

dataset check FILE [--json] [--fix OUT] [--model M] [--context-tokens N]
  Report, with line numbers, everything that would hurt a fine-tune: unreadable lines, missing or
  misspelt keys, extra keys, empty completions, duplicates (and the same text annotated twice),
  examples too long for the model, upper-case text, the prompt separator ("\\n\\n###\\n\\n") missing,
  inconsistent, long or inside a prompt, a common prompt prefix, the completion ending (" END")
  missing, inconsistent or inside a completion, completions without a leading space, negatives
  (" no entity"), fewer than 100 examples, counts per entity type, and values that do not occur in
  their prompt (likely annotation errors).
  --json             print {"examples","errors","warnings","fixes","stats"} instead of text
  --fix OUT          write a prepared JSONL file: the separator exactly once on every prompt, a
                     leading space and one ending on every completion, negatives in one form,
                     duplicates and broken lines dropped (all listed in "fixes")
  --model M          the base model to fine-tune (sets the length limit; default davinci-002)
  --context-tokens N the model's context size, when the built-in table does not know it
  Exit 1 when there are errors (unusable lines), else 0.

dataset convert FILE --to chat|completion --output OUT
  chat: {"messages": [system, user, assistant]} lines with the system and user messages the
  extension sends at inference, and the same entities in the assistant's answer; completion: the
  prepared prompt/completion form. Either format (or a mix) is read.

dataset split FILE --valid 0.2 --seed N [--output-prefix P]
  A reproducible train/validation split (negatives and positives split alike). Writes
  P + "train.jsonl" and P + "valid.jsonl"; P defaults to FILE without its extension plus ".".

dataset from-iob FILE.tsv --output OUT
  Build prompt/completion examples from IOB-tagged text (CoNLL style: -DOCSTART- per document, blank
  lines between sentences, token<TAB>tag with O, B-TYPE, I-TYPE): one example per document.

Exit codes: 0 success; 1 errors in the data or a file that cannot be read/written; 2 wrong usage.
Examples:
  job-entities dataset check training.jsonl --fix prepared.jsonl
  job-entities dataset convert prepared.jsonl --to chat --output chat.jsonl
  job-entities dataset split prepared.jsonl --valid 0.2 --seed 7
`;

function cannotWrite(file: string, err: unknown): ExtractionError {
  return new ExtractionError('invalid_input', `Cannot write ${file}: ${firstLine(errorMessage(err))}`);
}

export async function writeTextFile(file: string, content: string, io: CliIO, inputs: string[] = []): Promise<void> {
  const target = resolve(io.cwd, file);
  if (inputs.some((i) => i !== '-' && resolve(io.cwd, i) === target))
    throw new UsageError(`the output ${file} is the input file; choose another name so the original is kept`);
  try {
    await writeFile(target, content, 'utf8');
  } catch (err) {
    throw cannotWrite(file, err);
  }
}

/** Read a dataset file in any supported format. */
export async function readDatasetFile(file: string, io: CliIO): Promise<ReadResult> {
  return readDataset(await readTextFile(file, io), { fileName: file === '-' ? undefined : file });
}

/** The report as text for a terminal. */
export function formatReport(file: string, r: CheckReport): string {
  const out: string[] = [];
  out.push(`${file}: ${r.examples} example(s), ${r.errors.length} error(s), ${r.warnings.length} warning(s)`);
  if (r.errors.length) {
    out.push('', 'Errors (these lines cannot be used):');
    for (const e of r.errors.slice(0, 50)) out.push(`  line ${e.line}: ${e.message}`);
    if (r.errors.length > 50) out.push(`  ... and ${r.errors.length - 50} more`);
  }
  if (r.warnings.length) {
    out.push('', 'Warnings:');
    for (const w of r.warnings) {
      out.push(`  [${w.check}] ${w.message}`);
      if (w.lines.length) out.push(`      lines: ${lineList(w.lines)}`);
    }
  }
  const s = r.stats;
  out.push('', 'Stats:');
  out.push(
    `  ${s.usable} usable: ${s.positives} with entities, ${s.negatives} negative(s)${s.chatFormat ? `; ${s.chatFormat} in chat format` : ''}`,
  );
  out.push(
    `  ${ENTITY_TYPES.map((t) => `${t} ${s.entities[t].values} value(s) in ${s.entities[t].examples} example(s)`).join('; ')}`,
  );
  out.push(`  tokens per example: mean ${s.tokens.mean}, max ${s.tokens.max} (limit ${s.tokens.limit} for ${s.model})`);
  if (r.fixes.length) {
    out.push('', 'What --fix does:');
    for (const f of r.fixes) out.push(`  - ${f.message}${f.lines.length ? ` (lines ${lineList(f.lines, 12)})` : ''}`);
  }
  return out.join('\n') + '\n';
}

async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean' },
    fix: { type: 'string' },
    model: { type: 'string' },
    'context-tokens': { type: 'string' },
  });
  const file = onePositional(positionals, 'check');
  const contextTokens =
    values['context-tokens'] === undefined ? undefined : intFlag(values['context-tokens'], 'context-tokens', 0, 16);
  const read = await readDatasetFile(file, io);
  const opts = { model: values.model, contextTokens };
  const report = checkDataset(read, opts);
  if (values.fix) {
    const fixed = fixDataset(read, opts);
    await writeTextFile(values.fix, toJsonl(fixed.records), io, [file]);
    io.stderr.write(
      `Wrote ${fixed.records.length} prepared example(s) to ${values.fix}${fixed.fixes.length ? ` (${fixed.fixes.map((f) => f.message).join('; ')})` : ''}.\n`,
    );
  }
  io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(file, report));
  return report.errors.length ? 1 : 0;
}

async function runConvert(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  const file = onePositional(positionals, 'convert');
  if (values.to !== 'chat' && values.to !== 'completion')
    throw new UsageError(`--to takes chat or completion${values.to === undefined ? '' : `, got "${values.to}"`}`);
  if (!values.output) throw new UsageError('--output OUT is required');
  if (file !== '-' && /\.(jsonl|ndjson)$/i.test(file)) return convertStreaming(file, values.output, values.to, io);
  const result = convertDataset(await readDatasetFile(file, io), values.to);
  await writeTextFile(values.output, toJsonl(result.records), io, [file]);
  io.stderr.write(`Wrote ${result.records.length} example(s) in ${values.to} format to ${values.output}.\n`);
  return reportSkipped(result.errors, io);
}

/**
 * JSONL converted line by line: each example is written as soon as it is read, so memory stays
 * flat; only the skipped lines' numbers and reasons are kept for the report.
 */
async function convertStreaming(file: string, output: string, to: 'chat' | 'completion', io: CliIO): Promise<number> {
  const source = resolve(io.cwd, file);
  const target = resolve(io.cwd, output);
  if (source === target)
    throw new UsageError(`the output ${output} is the input file; choose another name so the original is kept`);
  // Fails with the usual message when the input cannot be read, before the output is created.
  const st = await stat(source).catch(() => undefined);
  if (!st || !st.isFile()) await readTextFile(file, io);
  const out = createWriteStream(target);
  const opened = new Promise<void>((ok, fail) => out.once('open', () => ok()).once('error', fail));
  try {
    await opened;
  } catch (err) {
    throw cannotWrite(output, err);
  }
  const errors: { line: number; message: string }[] = [];
  let written = 0;
  let line = 0;
  for await (const raw of linesOf(createReadStream(source))) {
    const r = readJsonLine(raw, ++line);
    if (!r) continue;
    if ('error' in r) {
      errors.push(r.error);
      continue;
    }
    const one = convertDataset([r.example], to);
    errors.push(...one.errors);
    for (const rec of one.records) {
      if (!out.write(JSON.stringify(rec) + '\n')) await new Promise<void>((ok) => out.once('drain', () => ok()));
      written++;
    }
  }
  await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err ? fail(cannotWrite(output, err)) : ok())));
  io.stderr.write(`Wrote ${written} example(s) in ${to} format to ${output}.\n`);
  return reportSkipped(errors, io);
}

async function runSplit(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    valid: { type: 'string' },
    seed: { type: 'string' },
    'output-prefix': { type: 'string' },
  });
  const file = onePositional(positionals, 'split');
  const share = values.valid === undefined ? 0.2 : Number(values.valid);
  if (!(share > 0 && share < 1))
    throw new UsageError(`--valid takes the validation share between 0 and 1, e.g. 0.2, got "${values.valid}"`);
  const seed = intFlag(values.seed, 'seed', 42, 0);
  const read = await readDatasetFile(file, io);
  const { train, valid } = splitDataset(read.examples, { valid: share, seed });
  const prefix = values['output-prefix'] ?? (file === '-' ? 'dataset.' : file.replace(/\.[^./\\]+$/, '') + '.');
  // JSONL lines are kept byte for byte; other formats become JSONL objects.
  const lineOf = (e: (typeof train)[number]) => (read.format === 'jsonl' ? e.raw : JSON.stringify(e.record));
  const trainOut = `${prefix}train.jsonl`;
  const validOut = `${prefix}valid.jsonl`;
  await writeTextFile(trainOut, train.map(lineOf).join('\n') + (train.length ? '\n' : ''), io, [file]);
  await writeTextFile(validOut, valid.map(lineOf).join('\n') + (valid.length ? '\n' : ''), io, [file]);
  io.stderr.write(
    `Split ${read.examples.length} example(s) with seed ${seed}: ${train.length} in ${trainOut}, ${valid.length} in ${validOut}.\n`,
  );
  return reportSkipped(read.errors, io);
}

async function runFromIob(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { output: { type: 'string', short: 'o' } });
  const file = onePositional(positionals, 'from-iob');
  if (!values.output) throw new UsageError('--output OUT is required');
  const result = iobToExamples(await readTextFile(file, io));
  if (result.records.length === 0 && result.errors.length === 0)
    throw new ExtractionError('invalid_input', `${file} holds no tagged tokens (expected token<TAB>tag lines).`);
  await writeTextFile(values.output, toJsonl(result.records), io, [file]);
  io.stderr.write(
    `Read ${result.documents} document(s) from ${basename(file)}; wrote ${result.records.length} example(s) to ${values.output}.\n`,
  );
  return reportSkipped(result.errors, io);
}

function reportSkipped(errors: { line: number; message: string }[], io: CliIO): number {
  if (!errors.length) return 0;
  io.stderr.write(`Skipped ${errors.length} line(s) that could not be used:\n`);
  for (const e of errors.slice(0, 20)) io.stderr.write(`  line ${e.line}: ${e.message}\n`);
  if (errors.length > 20) io.stderr.write(`  ... and ${errors.length - 20} more\n`);
  return 1;
}

function onePositional(positionals: string[], sub: string): string {
  if (positionals.length === 0) throw new UsageError(`give the file: job-entities dataset ${sub} FILE`);
  if (positionals.length > 1) throw new UsageError(`one file at a time, got ${positionals.join(' ')}`);
  return positionals[0];
}

export const datasetCommand: Command = {
  name: 'dataset',
  summary: 'Check, fix, convert, split training data, or build it from IOB-tagged text',
  help: HELP,
  run: (argv: string[], io: CliIO) =>
    runSubcommand(argv, io, { check: runCheck, convert: runConvert, split: runSplit, 'from-iob': runFromIob }),
};
