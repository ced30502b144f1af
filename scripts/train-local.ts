// Regenerates src/core/local/model.json (the offline extractor's weights and lexicons) from
// ../shared/data/ner_training.tsv. Usage: npm run train:local [-- --data FILE --out FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { parseIob } from '../src/core/local/corpus';
import { LocalModelSchema, trainLocalModel } from '../src/core/local/model';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const dataPath = resolve(option('data', process.env.JOB_ENTITIES_SHARED ? `${process.env.JOB_ENTITIES_SHARED}/data/ner_training.tsv` : '../shared/data/ner_training.tsv'));
const outPath = resolve(option('out', 'src/core/local/model.json'));

let text: string;
try {
  text = readFileSync(dataPath, 'utf8');
} catch {
  console.error(`Cannot read the training data at ${dataPath}. Put ner_training.tsv there or pass --data FILE.`);
  process.exit(1);
}
const started = Date.now();
const docs = parseIob(text);
const model = LocalModelSchema.parse(trainLocalModel(docs));
const json = JSON.stringify(model);
writeFileSync(outPath, json + '\n');
const features = Object.keys(model.tagger.features).length;
console.log(`Trained on ${model.trainedOn.documents} documents (${model.trainedOn.tokens} tokens) in ${Date.now() - started} ms.`);
console.log(`Wrote ${outPath}: ${features} features, ${(json.length / 1024).toFixed(0)} KB raw, ${(gzipSync(json).length / 1024).toFixed(0)} KB gzipped.`);
