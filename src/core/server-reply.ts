// Reading a server's reply and saying in a few words why it is not what was expected.
import type { z } from 'zod';
import { valueAt } from './value-at';

/** What came back: parsed JSON, or the text when the body is not JSON. */
export type ReplyBody = { json: true; value: unknown } | { json: false; text: string };

export async function readReply(res: Response): Promise<ReplyBody> {
  const text = await res.text();
  if (text.trim() === '') return { json: false, text };
  try {
    return { json: true, value: JSON.parse(text) };
  } catch {
    return { json: false, text };
  }
}

/** "null", "a list", "text", "a number"...: what a value is, for messages. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value === 'object' ? 'JSON object' : typeof value}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a JSON object',
};

function pathName(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
}

/** What is wrong with a reply, in a few words: `"status" is missing; "bytes" is text, not a number`. */
export function describeReplyProblem(body: ReplyBody, issues: readonly z.core.$ZodIssue[] = []): string {
  if (!body.json) {
    const start = body.text.replace(/\s+/g, ' ').trim();
    return start
      ? `it is not JSON (it starts with ${JSON.stringify(start.length > 60 ? start.slice(0, 60) + '...' : start)})`
      : 'it is empty';
  }
  const notes = issues.map((issue) => {
    const value = valueAt(body.value, issue.path);
    const name = issue.path.length ? `"${pathName(issue.path)}"` : 'it';
    if (issue.code === 'invalid_type') {
      if (value === undefined) return `${name} is missing`;
      return `${name} is ${describeValue(value)}, not ${EXPECTED[issue.expected] ?? issue.expected}`;
    }
    if (issue.code === 'too_small' && typeof value === 'string') return `${name} is empty`;
    return `${name}: ${issue.message}`;
  });
  const shown = notes.slice(0, 3).join('; ');
  return notes.length > 3 ? `${shown}; and ${notes.length - 3} more` : shown;
}
