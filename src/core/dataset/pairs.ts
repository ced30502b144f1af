// One example as the checker and the fixer see it: a prompt and a completion, whatever the line's
// format (prompt/completion keys in any letter case, or a chat `messages` list).
import { ENTITY_TYPES, type Entities } from '../entities';
import { normalizeText, SEPARATOR } from '../prompt';
import { countTokens } from '../tokens';
import { z } from 'zod';
import type { Example } from './read';
import { valueAt } from '../value-at';

export interface Pair {
  line: number;
  kind: Example['kind'];
  /** Completion format: the prompt as written (separator included). Chat: the user message. */
  prompt: string;
  /** Completion format: the completion as written. Chat: the assistant message. */
  completion: string;
  /** Keys that were found only in another letter case, e.g. ['Prompt -> prompt']. */
  renamedKeys: string[];
  /** Keys the fine-tuning format does not use. */
  extraKeys: string[];
  /** Chat: the system message(s) and earlier turns, which count towards the example's length too. */
  context?: string;
}

export type PairResult = { ok: true; pair: Pair } | { ok: false; line: number; message: string };

const REQUIRED = ['prompt', 'completion'] as const;
/** Keys OpenAI's chat fine-tuning format allows besides `messages`. */
const CHAT_KEYS = new Set(['messages', 'tools', 'functions', 'parallel_tool_calls']);
export const CHAT_ROLES = ['system', 'user', 'assistant'] as const;

/** A prompt/completion record once its keys are found (in any letter case): both must be text. */
export const CompletionRecordSchema = z.object({ prompt: z.string(), completion: z.string() });
/** One chat turn; other keys (name, weight...) are allowed and ignored. */
export const ChatMessageSchema = z.looseObject({ role: z.enum(CHAT_ROLES), content: z.string() });
/** A chat record: `messages` plus the keys in CHAT_KEYS (others are reported as extra keys). */
export const ChatRecordSchema = z.looseObject({ messages: z.array(ChatMessageSchema) });

type Issue = z.core.$ZodIssue;

/** "null", "an array", "a number"...: what a value that should be text is. */
function describeValue(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

export function toPair(ex: Example): PairResult {
  return ex.kind === 'chat' ? chatPair(ex) : completionPair(ex);
}

function completionPair(ex: Example): PairResult {
  const { record, line } = ex;
  const keys = Object.keys(record);
  // Keys in another letter case ("Prompt", " completion") are read too; the checker reports them.
  const found: Partial<Record<(typeof REQUIRED)[number], string>> = {};
  const renamedKeys: string[] = [];
  for (const want of REQUIRED) {
    if (want in record) {
      found[want] = want;
      continue;
    }
    const other = keys.find((k) => k.trim().toLowerCase() === want);
    if (other !== undefined) {
      found[want] = other;
      renamedKeys.push(`${JSON.stringify(other)} -> "${want}"`);
    }
  }
  const candidate: Record<string, unknown> = {};
  for (const want of REQUIRED) if (found[want] !== undefined) candidate[want] = record[found[want]];
  const parsed = CompletionRecordSchema.safeParse(candidate);
  if (!parsed.success)
    return { ok: false, line, message: completionIssueMessage(parsed.error.issues, candidate, keys) };
  const used = new Set(Object.values(found));
  const extraKeys = keys.filter((k) => !used.has(k));
  return {
    ok: true,
    pair: {
      line,
      kind: 'completion',
      prompt: parsed.data.prompt,
      completion: parsed.data.completion,
      renamedKeys,
      extraKeys,
    },
  };
}

/** The first problem of a prompt/completion record, in the checker's words: missing keys, then a value that is not text. */
function completionIssueMessage(issues: readonly Issue[], candidate: Record<string, unknown>, keys: string[]): string {
  const missing = REQUIRED.filter((k) => !(k in candidate));
  if (missing.length)
    return `no ${missing.map((k) => `"${k}"`).join(' or ')} key (keys found: ${keys.length ? keys.map((k) => JSON.stringify(k)).join(', ') : 'none'})`;
  const issue = [...issues].sort(
    (a, b) => REQUIRED.indexOf(a.path[0] as never) - REQUIRED.indexOf(b.path[0] as never),
  )[0];
  const name = String(issue?.path[0] ?? 'prompt');
  return `the ${name} is ${describeValue(candidate[name])}, not text`;
}

function chatPair(ex: Example): PairResult {
  const { record, line } = ex;
  const parsed = ChatRecordSchema.safeParse(record);
  if (!parsed.success) return { ok: false, line, message: chatIssueMessage(parsed.error.issues, record) };
  let user: string | undefined;
  let assistant: string | undefined;
  const all: string[] = [];
  for (const { role, content } of parsed.data.messages) {
    all.push(content);
    // Multi-turn lines are valid for OpenAI; for entity extraction the last turn is the example.
    if (role === 'user') user = content;
    if (role === 'assistant') assistant = content;
  }
  if (user === undefined) return { ok: false, line, message: 'no "user" message (the posting text)' };
  if (assistant === undefined) return { ok: false, line, message: 'no "assistant" message (the expected answer)' };
  const extraKeys = Object.keys(record).filter((k) => !CHAT_KEYS.has(k));
  // Everything but the last user and assistant turns, for the length check.
  const context = all
    .filter(
      (c, i) => !(c === user && all.lastIndexOf(user) === i) && !(c === assistant && all.lastIndexOf(assistant) === i),
    )
    .join('\n');
  return {
    ok: true,
    pair: { line, kind: 'chat', prompt: user, completion: assistant, renamedKeys: [], extraKeys, context },
  };
}

/**
 * The first problem of a chat record, in the checker's words. Zod reports every issue; the user
 * hears about the first message that is wrong, and in it: not an object, then its role, then its content.
 */
function chatIssueMessage(issues: readonly Issue[], record: Record<string, unknown>): string {
  const rank = (issue: Issue): [number, number] => {
    const [, index, field] = issue.path;
    if (typeof index !== 'number') return [-1, 0];
    return [index, field === undefined ? 0 : field === 'role' ? 1 : 2];
  };
  const first = [...issues].sort((a, b) => {
    const [ia, fa] = rank(a);
    const [ib, fb] = rank(b);
    return ia - ib || fa - fb;
  })[0];
  const [, index, field] = first?.path ?? [];
  if (typeof index !== 'number') return '"messages" must be a list of {"role", "content"} objects';
  const n = index + 1;
  if (field === undefined) return `message ${n} is not an object {"role", "content"}`;
  const role = valueAt(record, ['messages', index, 'role']);
  if (field === 'role') return `message ${n} has role ${JSON.stringify(role)}; use "system", "user" or "assistant"`;
  return `message ${n} (${String(role)}) has no text "content"`;
}

/** The posting text of a prompt: the separator (or a variant) at its end removed, white space collapsed. */
export function promptText(prompt: string, separator: string = SEPARATOR): string {
  const core = separator.trim() || separator;
  let p = prompt;
  if (p.endsWith(separator)) p = p.slice(0, -separator.length);
  else if (p.trimEnd().endsWith(core)) p = p.trimEnd().slice(0, -core.length);
  return normalizeText(p);
}

/** Two examples are duplicates when their posting text and their entities (in order) are equal. */
export function duplicateKey(text: string, entities: Entities): string {
  return text + '\u0000' + JSON.stringify(ENTITY_TYPES.map((t) => entities[t]));
}

/** What the example costs in tokens (prompt + completion as written; chat: every message). */
export function pairTokens(pair: Pair): number {
  return countTokens(pair.prompt) + countTokens(pair.completion) + (pair.context ? countTokens(pair.context) : 0);
}
