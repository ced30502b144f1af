// Between the two fine-tuning formats: prompt/completion (davinci-002, babbage-002, the seed) and
// chat `messages` (gpt-4o-mini and the open fine-tuning tools). The chat lines carry the very
// system and user messages the extension sends at inference (buildChatMessages), and an assistant
// answer in the format CHAT_SYSTEM_PROMPT asks for, so a chat fine-tune learns what it will be
// asked. Entities survive a round trip exactly (values, repeats, order of values and of types).
import type { Entities, EntityType } from '../entities';
import { isEmpty } from '../entities';
import { parseCompletion, serializeCompletion } from '../completion';
import { buildChatMessages, buildPrompt, STOP } from '../prompt';
import { endingPattern } from './ending';
import { toPair } from './pairs';
import { preparedCompletion } from './fix';
import type { Example, ReadError, ReadResult } from './read';

export interface CompletionRecord {
  prompt: string;
  completion: string;
}

export interface ChatRecord {
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
}

/** The negative answer a chat model gives, word for word as CHAT_SYSTEM_PROMPT asks. */
export const CHAT_NEGATIVE = 'no entity';

/**
 * The assistant's answer in the line format: the entity lines of serializeCompletion without the
 * leading space, then END on its own line, as in CHAT_SYSTEM_PROMPT's example; 'no entity' alone
 * for a negative.
 */
export function toChatAnswer(entities: Entities, order?: EntityType[]): string {
  if (isEmpty(entities)) return CHAT_NEGATIVE;
  const lines = serializeCompletion(entities, { order, stop: STOP }).replace(endingPattern(STOP), '').trimStart();
  return `${lines}\nEND`;
}

export function completionToChat(rec: CompletionRecord): ChatRecord {
  const parsed = parseCompletion(rec.completion);
  return {
    messages: [
      ...buildChatMessages(rec.prompt),
      { role: 'assistant', content: toChatAnswer(parsed.entities, parsed.order) },
    ],
  };
}

export function chatToCompletion(rec: ChatRecord): CompletionRecord {
  const user = [...rec.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const assistant = [...rec.messages].reverse().find((m) => m.role === 'assistant')?.content ?? '';
  const parsed = parseCompletion(assistant);
  return { prompt: buildPrompt(user), completion: preparedCompletion(parsed.entities, parsed.order) };
}

export interface ConvertResult {
  records: (CompletionRecord | ChatRecord)[];
  /** Lines that could not be converted (unreadable, or no prompt/completion). */
  errors: ReadError[];
}

/** Convert every example of a dataset (either format, or mixed) to one format. */
export function convertDataset(input: ReadResult | Example[], to: 'chat' | 'completion'): ConvertResult {
  const read: ReadResult = Array.isArray(input) ? { format: 'jsonl', examples: input, errors: [] } : input;
  const errors: ReadError[] = [...read.errors];
  const records: ConvertResult['records'] = [];
  for (const ex of read.examples) {
    const r = toPair(ex);
    if (!r.ok) {
      errors.push({ line: r.line, message: r.message });
      continue;
    }
    // toPair reads either format as one prompt and one answer (chat: the last user and assistant
    // turns, as chatToCompletion takes them); both are rebuilt in the target format from there.
    const asCompletion: CompletionRecord = { prompt: r.pair.prompt, completion: r.pair.completion };
    if (to === 'completion') {
      // Completion lines are rewritten to the prepared form too, so one command gives a clean file.
      const parsed = parseCompletion(asCompletion.completion);
      records.push({
        prompt: buildPrompt(asCompletion.prompt),
        completion: preparedCompletion(parsed.entities, parsed.order),
      });
    } else records.push(completionToChat(asCompletion));
  }
  errors.sort((a, b) => a.line - b.line);
  return { records, errors };
}
