// IOB-tagged text (CoNLL style, as ../shared/data/ner_training.tsv) -> prompt/completion examples.
// `-DOCSTART-` starts a document, blank lines separate sentences, each other line is
// `token<TAB>tag` with tag O, B-TYPE or I-TYPE. One document becomes one example: the tokens put
// back into readable text as the prompt, the tagged spans as lower-cased tokens joined by single
// spaces (the form of training_data.jsonl: `5 + years`, `c #`) in the completion.
import { emptyEntities, ENTITY_TYPES, type Entities, type EntityType } from '../entities';
import { buildPrompt } from '../prompt';
import { preparedCompletion } from './fix';
import type { CompletionRecord } from './convert';
import type { ReadError } from './read';

export interface IobToken {
  text: string;
  /** 'O', or 'B-'/'I-' + an entity type in lower case. */
  tag: string;
  line: number;
}

export interface IobDocument {
  /** The line of its -DOCSTART- (or of its first token when the file has none). */
  line: number;
  /** Sentences of tokens. */
  sentences: IobToken[][];
}

export interface IobParseResult {
  documents: IobDocument[];
  errors: ReadError[];
}

const TAG = /^(?:O|([BI])-([A-Za-z_]+))$/;

export function parseIob(text: string): IobParseResult {
  const documents: IobDocument[] = [];
  const errors: ReadError[] = [];
  let doc: IobDocument | undefined;
  let sentence: IobToken[] = [];
  const endSentence = () => {
    if (doc && sentence.length) doc.sentences.push(sentence);
    sentence = [];
  };
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((rawLine, i) => {
    const line = i + 1;
    const raw = rawLine.replace(/\r$/, '');
    if (raw.trim() === '') {
      endSentence();
      return;
    }
    if (raw.startsWith('-DOCSTART-')) {
      endSentence();
      doc = { line, sentences: [] };
      documents.push(doc);
      return;
    }
    const cells = raw.includes('\t') ? raw.split('\t') : raw.split(/ +/);
    if (cells.length < 2 || cells[0] === '') {
      errors.push({ line, message: `expected "token<TAB>tag", got ${JSON.stringify(raw.slice(0, 60))}` });
      return;
    }
    const token = cells[0];
    const tagText = cells[cells.length - 1].trim();
    const m = TAG.exec(tagText);
    const type = m?.[2]?.toLowerCase();
    if (!m || (type !== undefined && !(ENTITY_TYPES as readonly string[]).includes(type))) {
      // The token stays in the text (as O) so the prompt is complete; the tag is reported.
      errors.push({ line, message: `unknown tag ${JSON.stringify(tagText)} (the token is kept, untagged); expected O, B-/I- followed by ${ENTITY_TYPES.map((t) => t.toUpperCase()).join(', ')}` });
    }
    if (!doc) {
      doc = { line, sentences: [] };
      documents.push(doc);
    }
    const known = m && (type === undefined || (ENTITY_TYPES as readonly string[]).includes(type));
    sentence.push({ text: token, tag: known && type ? `${m[1]}-${type}` : 'O', line });
  });
  endSentence();
  return { documents, errors };
}

/**
 * The spans of a document. An I- tag continues a span of the same type; an I- after O or after
 * another type starts a new span (lenient IOB1 reading, as most CoNLL tools do).
 */
export function documentEntities(doc: IobDocument): Entities {
  const out = emptyEntities();
  for (const sentence of doc.sentences) {
    let current: { type: EntityType; tokens: string[] } | undefined;
    const close = () => {
      if (current) out[current.type].push(current.tokens.join(' ').toLowerCase());
      current = undefined;
    };
    for (const tok of sentence) {
      if (tok.tag === 'O') {
        close();
        continue;
      }
      const [bi, type] = tok.tag.split('-') as ['B' | 'I', EntityType];
      if (bi === 'I' && current?.type === type) current.tokens.push(tok.text);
      else {
        close();
        current = { type, tokens: [tok.text] };
      }
    }
    close();
  }
  return out;
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't)$/i;
const NO_SPACE_AFTER = /^[([{$]$/;
const WORDISH = /[\p{L}\p{N}]$/u;

/**
 * Tokens back into readable text. The original spacing is lost, so this follows English habits:
 * no space before closing punctuation or after an opening bracket; `5 +` -> `5+`, `C #` -> `C#`,
 * `BS / MS` -> `BS/MS`, `hands - on` -> `hands-on`.
 */
export function detokenize(tokens: string[]): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const next = tokens[i + 1] ?? '';
    let glue = out === '' ? '' : ' ';
    if (NO_SPACE_BEFORE.test(tok) || NO_SPACE_AFTER.test(prev)) glue = '';
    else if ((tok === '+' || tok === '++') && WORDISH.test(prev)) glue = '';
    else if (tok === '#' && /^[A-Za-z]$/.test(prev)) glue = '';
    else if ((tok === '/' || tok === '-') && WORDISH.test(prev) && /^[\p{L}\p{N}]/u.test(next)) glue = '';
    else if ((prev === '/' || prev === '-') && out.endsWith(prev) && !out.endsWith(' ' + prev) && WORDISH.test(tok)) glue = '';
    out += glue + tok;
    prev = tok;
  }
  return out;
}

export interface IobConversion {
  records: CompletionRecord[];
  /** The -DOCSTART- line of each record's document. */
  sourceLines: number[];
  documents: number;
  errors: ReadError[];
}

/** One prompt/completion example per document (documents without tokens are skipped). */
export function iobToExamples(text: string): IobConversion {
  const { documents, errors } = parseIob(text);
  const records: CompletionRecord[] = [];
  const sourceLines: number[] = [];
  for (const doc of documents) {
    const tokens = doc.sentences.flat().map((t) => t.text);
    if (tokens.length === 0) continue;
    const prompt = buildPrompt(doc.sentences.map((s) => detokenize(s.map((t) => t.text))).join(' '));
    records.push({ prompt, completion: preparedCompletion(documentEntities(doc)) });
    sourceLines.push(doc.line);
  }
  return { records, sourceLines, documents: documents.length, errors };
}
