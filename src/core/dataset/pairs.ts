// One example as the checker and the fixer see it: a prompt and a completion, whatever the line's
// format (prompt/completion keys in any letter case, or a chat `messages` list).
import { ENTITY_TYPES, type Entities } from '../entities';
import { normalizeText, SEPARATOR } from '../prompt';
import { countTokens } from '../tokens';
import type { Example } from './read';

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
const CHAT_ROLES = new Set(['system', 'user', 'assistant']);

export function toPair(ex: Example): PairResult {
  return ex.kind === 'chat' ? chatPair(ex) : completionPair(ex);
}

function completionPair(ex: Example): PairResult {
  const { record, line } = ex;
  const keys = Object.keys(record);
  const found: Record<string, string> = {};
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
  const missing = REQUIRED.filter((k) => !(k in found));
  if (missing.length) return { ok: false, line, message: `no ${missing.map((k) => `"${k}"`).join(' or ')} key (keys found: ${keys.length ? keys.map((k) => JSON.stringify(k)).join(', ') : 'none'})` };
  const used = new Set(Object.values(found));
  const extraKeys = keys.filter((k) => !used.has(k));
  const prompt = record[found.prompt];
  const completion = record[found.completion];
  for (const [name, value] of [['prompt', prompt], ['completion', completion]] as const) {
    if (typeof value !== 'string') return { ok: false, line, message: `the ${name} is ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}, not text` };
  }
  return { ok: true, pair: { line, kind: 'completion', prompt: prompt as string, completion: completion as string, renamedKeys, extraKeys } };
}

function chatPair(ex: Example): PairResult {
  const { record, line } = ex;
  const messages = record.messages;
  if (!Array.isArray(messages)) return { ok: false, line, message: '"messages" must be a list of {"role", "content"} objects' };
  let user: string | undefined;
  let assistant: string | undefined;
  const all: string[] = [];
  for (const [i, m] of messages.entries()) {
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return { ok: false, line, message: `message ${i + 1} is not an object {"role", "content"}` };
    const { role, content } = m as Record<string, unknown>;
    if (typeof role !== 'string' || !CHAT_ROLES.has(role)) return { ok: false, line, message: `message ${i + 1} has role ${JSON.stringify(role)}; use "system", "user" or "assistant"` };
    if (typeof content !== 'string') return { ok: false, line, message: `message ${i + 1} (${role}) has no text "content"` };
    all.push(content);
    // Multi-turn lines are valid for OpenAI; for entity extraction the last turn is the example.
    if (role === 'user') user = content;
    if (role === 'assistant') assistant = content;
  }
  if (user === undefined) return { ok: false, line, message: 'no "user" message (the posting text)' };
  if (assistant === undefined) return { ok: false, line, message: 'no "assistant" message (the expected answer)' };
  const extraKeys = Object.keys(record).filter((k) => !CHAT_KEYS.has(k));
  // Everything but the last user and assistant turns, for the length check.
  const context = all.filter((c, i) => !(c === user && all.lastIndexOf(user) === i) && !(c === assistant && all.lastIndexOf(assistant) === i)).join('\n');
  return { ok: true, pair: { line, kind: 'chat', prompt: user, completion: assistant, renamedKeys: [], extraKeys, context } };
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
