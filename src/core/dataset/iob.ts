// IOB-tagged text (CoNLL style, as ../shared/data/ner_training.tsv) -> prompt/completion examples.
// `-DOCSTART-` starts a document, blank lines separate sentences, each other line is
// `token<TAB>tag` with tag O, B-TYPE or I-TYPE. One document becomes one example: the tokens put
// back into readable text as the prompt, the tagged spans as lower-cased tokens joined by single
// spaces (the form of training_data.jsonl: `5 + years`, `c #`) in the completion.
import { emptyEntities, type Entities, type EntityType } from '../entities';
import { buildPrompt } from '../prompt';
import { preparedCompletion } from './fix';
import type { CompletionRecord } from './convert';
import type { ReadError } from './read';

export { parseIob, type IobDocument, type IobParseResult, type IobToken } from './iob-parse';
import { parseIob, type IobDocument } from './iob-parse';

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
    else if ((prev === '/' || prev === '-') && out.endsWith(prev) && !out.endsWith(' ' + prev) && WORDISH.test(tok))
      glue = '';
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
