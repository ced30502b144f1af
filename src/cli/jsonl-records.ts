// Decoding one JSONL line into an input record (seed `prompt`, `text`, or `url` + `html`). A bad
// line becomes a record with an error, never an exception: every record keeps its place, so the
// output stays aligned with the input.
import { z } from 'zod';
import { toErrorInfo, type ErrorInfo } from '../core/errors';
import type { PostingInput } from '../core/posting';
import { SEPARATOR } from '../core/prompt';
import { errorMessage, firstLine } from '../core/text';
import { captureHtml } from './dom';

export interface InputRecord {
  /** 1-based position in the input (the JSONL line number for JSONL). */
  line: number;
  posting?: PostingInput;
  /** The gold completion when the line carried one (the seed format). */
  completion?: string;
  /** An `id` the line carried, echoed on its output line. */
  id?: string | number;
  error?: ErrorInfo;
}

const optionalText = z.string().optional();
/** One JSONL line. Unknown keys are allowed (and ignored): exported datasets carry extras. */
export const JsonlRecordSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    prompt: optionalText,
    completion: optionalText,
    text: optionalText,
    html: optionalText,
    url: optionalText,
    title: optionalText,
    company: optionalText,
    location: optionalText,
  })
  .loose()
  .refine((r) => r.prompt !== undefined || r.text !== undefined || r.html !== undefined, {
    message: 'needs a "prompt", a "text", or "url" and "html"',
  });

/** The seed's prompt without its separator (present or not), as posting text. */
export function stripSeparator(prompt: string, separator = SEPARATOR): string {
  if (prompt.endsWith(separator)) return prompt.slice(0, -separator.length);
  return prompt.replace(/\s*###\s*$/, '');
}

export function failedRecord(line: number, message: string, code: ErrorInfo['code'] = 'invalid_input'): InputRecord {
  return { line, error: { code, message } };
}

/** A page captured as the extension does, as a record (its error when nothing could be captured). */
export function capturedRecord(html: string, url: string, line: number): InputRecord {
  try {
    return { line, posting: captureHtml(html, url) };
  } catch (err) {
    return { line, error: toErrorInfo(err) };
  }
}

/** One JSONL line as a record (undefined for a blank line: not a record). */
export function parseJsonlLine(raw: string, line: number): InputRecord | undefined {
  if (!raw.trim()) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return failedRecord(
      line,
      `line ${line} is not valid JSON (${firstLine(errorMessage(e))}). Each line must be one JSON object.`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failedRecord(line, `line ${line} must be a JSON object such as {"text": "..."}.`);
  }
  const r = JsonlRecordSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue.path.length ? ` "${issue.path.join('.')}"` : '';
    return failedRecord(line, `line ${line}${where}: ${issue.message}.`);
  }
  const rec = r.data;
  let result: InputRecord;
  if (rec.prompt !== undefined) result = { line, posting: { text: stripSeparator(rec.prompt) } };
  else if (rec.text !== undefined) result = { line, posting: { text: rec.text } };
  else if (rec.url === undefined) result = failedRecord(line, `line ${line}: "html" needs the page's "url" beside it.`);
  else result = capturedRecord(rec.html ?? '', rec.url, line);
  if (result.posting) {
    for (const k of ['url', 'title', 'company', 'location'] as const)
      if (rec[k] !== undefined && result.posting[k] === undefined) result.posting[k] = rec[k];
  }
  if (rec.completion !== undefined) result.completion = rec.completion;
  if (rec.id !== undefined) result.id = rec.id;
  return result;
}

/** Parse JSONL text into records; blank lines are not records. */
export function parseJsonl(text: string): InputRecord[] {
  const out: InputRecord[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const r = parseJsonlLine(raw, i + 1);
      if (r) out.push(r);
    });
  return out;
}
