// k-fold cross-validation of the offline extractor on ../shared/data/ner_training.tsv, scored
// with the CLI's eval scoring (src/core/score.ts). Folds are by document with a fixed seed;
// near-duplicate documents (the corpus repeats some postings) share a fold unless --plain.
// With --text, held-out documents are extracted from their raw posting text
// (training_data.jsonl prompts, matched to the tokenized documents) through the tokenizer and
// sentence splitter, exactly as the provider runs.
// Usage: npm run cv:local [-- --k 5 --seed 13 --plain --text --data FILE --prompts FILE]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseIob, type LabelledDoc } from '../src/core/local/corpus';
import { tokenize } from '../src/core/local/tokenize';
import { crossValidate, nearDuplicateGroups } from '../src/core/local/crossval';
import { formatScores, scoreEntities } from '../src/core/score';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const dataPath = resolve(option('data', `${process.env.JOB_ENTITIES_SHARED ?? '../shared'}/data/ner_training.tsv`));
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const k = Number(option('k', '5'));
const seed = Number(option('seed', '13'));
if (!Number.isInteger(k) || k < 2) fail(`--k takes a whole number of folds >= 2, got "${option('k', '5')}"`);
if (!Number.isInteger(seed)) fail(`--seed takes a whole number, got "${option('seed', '13')}"`);
const plain = process.argv.includes('--plain');
const fromText = process.argv.includes('--text');
const promptsPath = resolve(option('prompts', dataPath.replace(/ner_training\.tsv$/, 'training_data.jsonl')));

/** Each document's raw prompt text: the prompt sharing at least 90% of its tokens, if any. */
function matchPrompts(docs: LabelledDoc[], prompts: string[]): Array<string | undefined> {
  const promptTokens = prompts.map((p) => tokenize(p).map((t) => t.text));
  return docs.map((d) => {
    const words = d.sentences.flatMap((s) => s.tokens);
    const vocabulary = new Set(words);
    let best: string | undefined;
    let bestShare = 0.9;
    promptTokens.forEach((toks, i) => {
      const share = toks.filter((t) => vocabulary.has(t)).length / Math.max(toks.length, words.length);
      if (share >= bestShare) {
        bestShare = share;
        best = prompts[i];
      }
    });
    return best;
  });
}

let text: string;
try {
  text = readFileSync(dataPath, 'utf8');
} catch {
  fail(`Cannot read the labelled data at ${dataPath}. Put ner_training.tsv there or pass --data FILE.`);
}
const docs = parseIob(text);
const groups = plain ? undefined : nearDuplicateGroups(docs);
const started = Date.now();
let texts: Array<string | undefined> | undefined;
if (fromText) {
  let promptsText = '';
  try {
    promptsText = readFileSync(promptsPath, 'utf8');
  } catch {
    fail(`Cannot read the prompts at ${promptsPath} (needed by --text). Pass --prompts FILE.`);
  }
  const prompts = promptsText
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => String((JSON.parse(l) as { prompt: unknown }).prompt).replace(/\n\n###\n\n$/, ''));
  texts = matchPrompts(docs, prompts);
}
const run = crossValidate(docs, k, seed, {}, groups, texts);
const how = plain ? 'plain document folds' : `${new Set(groups).size} groups: near-duplicates share a fold`;
const input = texts ? `, from the raw text of ${run.gold.length} documents` : ', from the labelled tokens';
console.log(`${k}-fold cross-validation on ${docs.length} documents (seed ${seed}, ${how}${input}), ${Date.now() - started} ms`);
console.log(formatScores(scoreEntities(run.gold, run.predicted)));
