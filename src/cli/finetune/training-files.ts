// The training and validation files of `finetune start`: checked as `dataset check` checks them
// (refused on errors), and converted to the format the base model is trained with.
import { basename } from 'node:path';
import { checkDataset } from '../../core/dataset/check';
import { convertDataset } from '../../core/dataset/convert';
import { toJsonl } from '../../core/dataset/fix';
import type { ReadResult } from '../../core/dataset/read';
import { ExtractionError } from '../../core/errors';
import { trainingFormatFor } from '../../core/finetune';
import type { CliIO } from '../command';
import { readDatasetFile } from '../commands/dataset';

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

/** A file checked and ready to upload: its name on the server and its content. */
export async function prepareFile(
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
