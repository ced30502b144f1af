// Reading a training dataset whatever its container: JSONL (the fine-tuning format), a JSON array,
// or a CSV/TSV sheet with prompt and completion columns. Pure: the caller reads the file.
// Every example keeps the line it came from so that every report can point at it.
import Papa from 'papaparse';
import { z } from 'zod';
import { errorMessage, firstLine } from '../text';

export type DatasetFormat = 'jsonl' | 'json' | 'csv' | 'tsv';

export interface Example {
  /** 1-based line in the file (JSONL, CSV/TSV: the row's first line; JSON array: the element's number). */
  line: number;
  /** The text the example came from (the JSONL line, the CSV row joined back, the JSON element). */
  raw: string;
  /** The parsed object, keys exactly as written (case fixing is the checker's job). */
  record: Record<string, unknown>;
  /** 'chat' when the record holds a `messages` list (the chat fine-tuning format). */
  kind: 'completion' | 'chat';
}

export interface ReadError {
  line: number;
  message: string;
}

export interface ReadResult {
  format: DatasetFormat;
  examples: Example[];
  /** Lines that could not be read at all (bad JSON, not an object, a broken CSV row). */
  errors: ReadError[];
}

/** The format from a file name, or from the content when the name says nothing. */
export function detectFormat(content: string, fileName?: string): DatasetFormat {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'csv' || ext === 'tsv' || ext === 'jsonl' || ext === 'json') {
    // A `.json` file that is really JSON lines is common; the content decides then.
    if (ext === 'json' && !content.trimStart().startsWith('[')) return 'jsonl';
    return ext;
  }
  if (ext === 'ndjson') return 'jsonl';
  const start = content.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) return 'jsonl';
  const head = start.split(/\r?\n/, 1)[0] ?? '';
  return head.includes('\t') ? 'tsv' : 'csv';
}

export function readDataset(content: string, opts: { format?: DatasetFormat; fileName?: string } = {}): ReadResult {
  const text = content.replace(/^\uFEFF/, '');
  const format = opts.format ?? detectFormat(text, opts.fileName);
  if (format === 'json') return readJsonArray(text);
  if (format === 'csv' || format === 'tsv') return readSheet(text, format);
  return readJsonLines(text);
}

/** One example as written: a JSON object with any keys (toPair in pairs.ts validates its fields). */
export const DatasetRecordSchema = z.record(z.string(), z.unknown());
/** A `.json` dataset: an array whose elements are validated one by one. */
const JsonArraySchema = z.array(z.unknown());

/**
 * Whether a parsed value is a record. The value itself is kept, not zod's copy: the copy drops
 * keys such as "__proto__" and the checker must see every key as written.
 */
function isRecord(v: unknown): v is Record<string, unknown> {
  return DatasetRecordSchema.safeParse(v).success;
}

/** How a value that is not an object is named in messages: "array", "string", "number", "null"... */
function jsonTypeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

function kindOf(record: Record<string, unknown>): Example['kind'] {
  return 'messages' in record && !('prompt' in record) && !('completion' in record) ? 'chat' : 'completion';
}

/** One JSONL line (without its line break): an example, an error, or undefined when blank. */
export function readJsonLine(rawLine: string, line: number): { example: Example } | { error: ReadError } | undefined {
  const raw = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
  // Blank lines (above all the usual trailing one) carry nothing; OpenAI skips them too.
  if (raw.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return {
      error: { line, message: `not valid JSON (${firstLine(errorMessage(e))}); each line must be one JSON object` },
    };
  }
  if (!isRecord(value))
    return {
      error: {
        line,
        message: `a JSON ${jsonTypeName(value)} where an object {"prompt": ..., "completion": ...} was expected`,
      },
    };
  return { example: { line, raw, record: value, kind: kindOf(value) } };
}

function readJsonLines(text: string): ReadResult {
  const examples: Example[] = [];
  const errors: ReadError[] = [];
  text.split('\n').forEach((rawLine, i) => {
    const r = readJsonLine(rawLine, i + 1);
    if (!r) return;
    if ('error' in r) errors.push(r.error);
    else examples.push(r.example);
  });
  return { format: 'jsonl', examples, errors };
}

function readJsonArray(text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      format: 'json',
      examples: [],
      errors: [{ line: 1, message: `not valid JSON (${firstLine(errorMessage(e))})` }],
    };
  }
  const array = JsonArraySchema.safeParse(value);
  if (!array.success)
    return {
      format: 'json',
      examples: [],
      errors: [{ line: 1, message: 'a JSON dataset must be an array of {"prompt", "completion"} objects' }],
    };
  const examples: Example[] = [];
  const errors: ReadError[] = [];
  array.data.forEach((item, i) => {
    const line = i + 1;
    if (!isRecord(item))
      errors.push({ line, message: `element ${line} is not an object {"prompt": ..., "completion": ...}` });
    else examples.push({ line, raw: JSON.stringify(item), record: item, kind: kindOf(item) });
  });
  return { format: 'json', examples, errors };
}

function readSheet(text: string, format: 'csv' | 'tsv'): ReadResult {
  const parsed = Papa.parse<string[]>(text, { delimiter: format === 'tsv' ? '\t' : ',', skipEmptyLines: false });
  const rows = parsed.data;
  const examples: Example[] = [];
  const errors: ReadError[] = [];
  // Physical line of each row, counting line breaks inside quoted cells.
  const rowLines: number[] = [];
  let lineNo = 1;
  for (const row of rows) {
    rowLines.push(lineNo);
    lineNo += 1 + row.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  }
  const rowErrors = new Map<number, string>();
  for (const err of parsed.errors)
    if (err.row !== undefined && err.code !== 'UndetectableDelimiter') rowErrors.set(err.row, err.message);
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  if (header.length === 0 || header.every((h) => h === ''))
    return {
      format,
      examples,
      errors: [
        {
          line: 1,
          message: `the ${format.toUpperCase()} file has no header row (it needs "prompt" and "completion" columns)`,
        },
      ],
    };
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const line = rowLines[r];
    if (row.length === 1 && row[0].trim() === '') continue;
    const problem = rowErrors.get(r);
    if (problem) {
      errors.push({ line, message: `unreadable ${format.toUpperCase()} row: ${problem}` });
      continue;
    }
    if (row.length !== header.length) {
      errors.push({ line, message: `${row.length} cells where the header has ${header.length}` });
      continue;
    }
    const record: Record<string, unknown> = {};
    header.forEach((h, i) => (record[h] = row[i]));
    examples.push({ line, raw: row.join(format === 'tsv' ? '\t' : ','), record, kind: 'completion' });
  }
  return { format, examples, errors };
}
