// What scripts/train-local.ts and scripts/cv-local.ts share: their flags, the labelled corpus
// (../shared/data/ner_training.tsv unless --data), and errors printed as one line, never a stack trace.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCorpus, type LabelledDoc } from '../src/core/local/corpus';

/** The value after `--name`, or the fallback. */
export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** --data FILE, else ner_training.tsv in $JOB_ENTITIES_SHARED/data or ../shared/data. */
export function corpusPath(): string {
  return resolve(option('data', `${process.env.JOB_ENTITIES_SHARED ?? '../shared'}/data/ner_training.tsv`));
}

/** The labelled documents of `path`; a missing file, a malformed line or no document at all ends the script. */
export function readCorpus(path: string, what: string): LabelledDoc[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    fail(`Cannot read the ${what} at ${path}. Put ner_training.tsv there or pass --data FILE.`);
  }
  let docs: LabelledDoc[];
  try {
    docs = parseCorpus(text);
  } catch (e) {
    fail(`${path}: ${(e as Error).message}`);
  }
  if (docs.length === 0) fail(`${path} holds no labelled document.`);
  return docs;
}
