// The offline extractor's model: training from labelled documents, the model file's schema,
// and tagging. The model holds weights and lexicons only, never the training texts.
import { z } from 'zod';
import { emptyEntities, type Entities, type EntityType } from '../entities';
import { LABEL_TO_TYPE, TAGS, tagsToSpans, type LabelledDoc } from './corpus';
import { sentenceFeatures } from './features';
import { LexiconBuilder, indexLexicon, type Lexicon, type LexiconIndex } from './lexicon';
import { degreeSpans, experienceSpans, majorListSpans } from './rules';
import {
  averageWeights,
  compactWeights,
  decode,
  emissionScores,
  expandWeights,
  marginals,
  trainTagger,
  type TaggerWeights,
  type TrainingSequence,
} from './tagger';
import { splitSentences, tokenize, toValue } from './tokenize';

export const MODEL_FORMAT = 1;

/** Forward-backward temperature and confidence threshold (see `npm run cv:local -- --sweep`). */
export const DEFAULT_TEMPERATURE = 10;
export const DEFAULT_THRESHOLD = 0.5;

export const LocalModelSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  name: z.string(),
  trainedOn: z.object({ documents: z.number().int(), tokens: z.number().int() }),
  tagger: z.object({
    tags: z.array(z.string()),
    scale: z.number().positive(),
    transitions: z.array(z.array(z.number())),
    features: z.record(z.string(), z.array(z.number())),
  }),
  lexicon: z.object({
    phrases: z.record(z.string(), z.array(z.string())),
    words: z.record(z.string(), z.array(z.number())),
  }),
  /** Divides the tagger's scores before forward-backward (fitted by cross-validation). */
  temperature: z.number().positive().optional(),
  /** Values below this confidence are not shown (chosen by cross-validation). */
  threshold: z.number().min(0).max(1).optional(),
});
export type LocalModel = z.infer<typeof LocalModelSchema>;

export interface TrainLocalOptions {
  epochs?: number;
  seed?: number;
  /** Features whose largest |weight| is below this are dropped from the model. */
  minWeight?: number;
  /** Integer steps per unit weight in the model file. */
  scale?: number;
  name?: string;
  /** How many taggers (different example orders) to average. */
  ensemble?: number;
}

/** Trains the tagger; every document's features use the lexicon of the other documents. */
export function trainLocalModel(docs: readonly LabelledDoc[], options: TrainLocalOptions = {}): LocalModel {
  const builder = new LexiconBuilder(docs);
  const data: TrainingSequence[] = [];
  let tokens = 0;
  docs.forEach((doc, d) => {
    const lex = indexLexicon(builder.build(d));
    for (const s of doc.sentences) {
      data.push({ features: sentenceFeatures(s.tokens, lex), tags: s.tags });
      tokens += s.tokens.length;
    }
  });
  // Averaging taggers trained on different example orders smooths the perceptron's
  // dependence on order (a cheap form of bagging); the model stays one set of weights.
  const runs = options.ensemble ?? 1;
  const weights = averageWeights(
    Array.from({ length: runs }, (_, r) =>
      trainTagger(data, TAGS, { epochs: options.epochs ?? 20, seed: (options.seed ?? 7) + r * 1000 }),
    ),
  );
  const lexicon: Lexicon = builder.build();
  return {
    format: MODEL_FORMAT,
    name: options.name ?? 'job-entities-local v1',
    trainedOn: { documents: docs.length, tokens },
    tagger: compactWeights(weights, options.minWeight ?? 1, options.scale ?? 10),
    lexicon,
  };
}

/** A model ready to tag: weights expanded and lexicon indexed once. */
export interface LoadedModel {
  name: string;
  temperature: number;
  threshold: number;
  weights: TaggerWeights;
  lexicon: LexiconIndex;
}

export function loadModel(model: LocalModel): LoadedModel {
  return {
    name: model.name,
    temperature: model.temperature ?? DEFAULT_TEMPERATURE,
    threshold: model.threshold ?? DEFAULT_THRESHOLD,
    weights: expandWeights(model.tagger),
    lexicon: indexLexicon(model.lexicon),
  };
}

/** A sentence's BIO tags, with each token's posterior per tag and whether an exact rule set its tag. */
export interface ScoredTags {
  tags: string[];
  /** Per token: P(tag) for each of the model's tags (forward-backward over the tagger's scores). */
  posteriors: Float64Array[];
  /** Per token: true when the experience or degree rule set the tag (confidence 1). */
  byRule: boolean[];
}

/** Tags one tokenized sentence: BIO tag per token. The exact experience rule wins over the tagger. */
export function tagTokens(model: LoadedModel, tokens: readonly string[]): string[] {
  return tagTokensScored(model, tokens, false).tags;
}

/** Tags one sentence and, when `withPosteriors`, computes each token's tag posteriors too. */
export function tagTokensScored(model: LoadedModel, tokens: readonly string[], withPosteriors = true): ScoredTags {
  const T = model.weights.tags.length;
  const emissions = emissionScores((f) => model.weights.features.get(f), T, sentenceFeatures(tokens, model.lexicon));
  const tags = decode(model.weights, emissions).map((i) => model.weights.tags[i]);
  const byRule = tags.map(() => false);
  // The experience rule is exact, so its spans replace whatever the tagger said there, and
  // tagger EXPERIENCE spans the rule does not confirm are dropped.
  const rule = experienceSpans(tokens);
  for (let i = 0; i < tags.length; i++) if (tags[i].endsWith('-EXPERIENCE')) tags[i] = 'O';
  for (const s of rule) {
    for (let i = s.start; i < s.end; i++) {
      tags[i] = i === s.start ? 'B-EXPERIENCE' : 'I-EXPERIENCE';
      byRule[i] = true;
    }
  }
  // Degree abbreviations are exact too: a rule span is one DIPLOMA value (`ms / ph . d.`),
  // and the tagger may not run a DIPLOMA span on past it.
  for (const s of degreeSpans(tokens)) {
    for (let i = s.start; i < s.end; i++) {
      tags[i] = i === s.start ? 'B-DIPLOMA' : 'I-DIPLOMA';
      byRule[i] = true;
    }
    for (let i = s.end; tags[i] === 'I-DIPLOMA'; i++) tags[i] = 'O';
  }
  // A list of majors after a degree (`in Physics, Chemistry or a related field`) is exact too,
  // where the tokens are not already a rule's.
  for (const s of majorListSpans(tokens)) {
    if (byRule.slice(s.start, s.end).some(Boolean)) continue;
    for (let i = s.start; i < s.end; i++) {
      tags[i] = i === s.start ? 'B-DIPLOMA_MAJOR' : 'I-DIPLOMA_MAJOR';
      byRule[i] = true;
    }
    if (tags[s.end]?.startsWith('I-')) tags[s.end] = `B-${tags[s.end].slice(2)}`;
  }
  // Re-open spans whose B- was overwritten.
  for (let i = 0; i < tags.length; i++) {
    if (tags[i].startsWith('I-') && (i === 0 || tags[i - 1] === 'O' || tags[i - 1].slice(2) !== tags[i].slice(2)))
      tags[i] = `B-${tags[i].slice(2)}`;
  }
  // Posteriors are needed only for the tagger's own spans: a sentence without any skips the pass.
  const needed = withPosteriors && tags.some((t, i) => t !== 'O' && !byRule[i]);
  const posteriors = needed ? marginals(model.weights, emissions, model.temperature) : [];
  return { tags, posteriors, byRule };
}

/** One value found in a posting, before thresholds and near-duplicate grouping. */
export interface FoundValue {
  type: EntityType;
  /** Token form (`5 + years`, `c #`). */
  value: string;
  /** 1 for exact rules; else the smallest posterior of the span's tags (how sure the tagger is of every token). */
  confidence: number;
  /** Token index in the posting: orders values as found. */
  position: number;
}

/** Every span of already tokenized sentences with its confidence, in order found. */
export function findValues(model: LoadedModel, sentences: ReadonlyArray<readonly string[]>): FoundValue[] {
  const out: FoundValue[] = [];
  const tagIndex = new Map(model.weights.tags.map((t, i) => [t, i]));
  let offset = 0;
  for (const tokens of sentences) {
    const { tags, posteriors, byRule } = tagTokensScored(model, tokens);
    for (const span of tagsToSpans(tags)) {
      const type = LABEL_TO_TYPE[span.label];
      if (!type) continue;
      let confidence = 1;
      for (let i = span.start; i < span.end; i++) {
        if (byRule[i]) continue;
        confidence = Math.min(confidence, posteriors[i][tagIndex.get(tags[i])!] ?? 0);
      }
      out.push({ type, value: toValue(tokens.slice(span.start, span.end)), confidence, position: offset + span.start });
    }
    offset += tokens.length;
  }
  return out;
}

/** Every span of a posting's text with its confidence. */
export function findValuesInText(model: LoadedModel, text: string): FoundValue[] {
  return findValues(
    model,
    splitSentences(tokenize(text)).map((s) => s.map((t) => t.text)),
  );
}

/** Entities of already tokenized sentences, in order found. */
export function extractFromSentences(model: LoadedModel, sentences: ReadonlyArray<readonly string[]>): Entities {
  const out = emptyEntities();
  for (const tokens of sentences) {
    const tags = tagTokens(model, tokens);
    for (const span of tagsToSpans(tags)) {
      const type = LABEL_TO_TYPE[span.label];
      if (type) out[type].push(toValue(tokens.slice(span.start, span.end)));
    }
  }
  return out;
}

/** Entities of a posting's text. */
export function extractFromText(model: LoadedModel, text: string): Entities {
  return extractFromSentences(
    model,
    splitSentences(tokenize(text)).map((s) => s.map((t) => t.text)),
  );
}
