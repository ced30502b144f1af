// Regenerates src/core/local/model.json (the offline extractor's weights and lexicons) from
// ../shared/data/ner_training.tsv. Usage: npm run train:local [-- --data FILE --out FILE]
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { LocalModelSchema, trainLocalModel } from '../src/core/local/model';
import { corpusPath, option, readCorpus } from './local-corpus';

const dataPath = corpusPath();
const outPath = resolve(option('out', 'src/core/local/model.json'));
const docs = readCorpus(dataPath, 'training data');
const started = Date.now();
const model = LocalModelSchema.parse(trainLocalModel(docs));
const json = JSON.stringify(model);
writeFileSync(outPath, json + '\n');
const features = Object.keys(model.tagger.features).length;
console.log(
  `Trained on ${model.trainedOn.documents} documents (${model.trainedOn.tokens} tokens) in ${Date.now() - started} ms.`,
);
console.log(
  `Wrote ${outPath}: ${features} features, ${(json.length / 1024).toFixed(0)} KB raw, ${(gzipSync(json).length / 1024).toFixed(0)} KB gzipped.`,
);
