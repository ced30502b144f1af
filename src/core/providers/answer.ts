// The model's answer read: the completion or chat body validated, then parsed into entities with
// the meta `extract` reports. An answer out of the format is an error, never an empty result.
import { z } from 'zod';
import { parseCompletion } from '../completion';
import type { ExtractionResult, Usage } from '../entities';
import { ExtractionError } from '../errors';
import type { Settings } from '../settings';
import { firstLine } from '../text';

// The answer shapes we rely on, validated like any other boundary (a wrong base URL can answer HTML).
const UsageWire = z
  .object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() })
  .partial()
  .nullish();
const CompletionWire = z.object({
  choices: z.array(z.object({ text: z.string().nullish(), finish_reason: z.string().nullish() })).min(1),
  usage: UsageWire,
});
const ChatWire = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: UsageWire,
});

function toUsage(u: z.infer<typeof UsageWire>): Usage | undefined {
  if (!u || typeof u.prompt_tokens !== 'number' || typeof u.completion_tokens !== 'number') return undefined;
  const p = Math.max(0, Math.round(u.prompt_tokens));
  const c = Math.max(0, Math.round(u.completion_tokens));
  return {
    promptTokens: p,
    completionTokens: c,
    totalTokens: typeof u.total_tokens === 'number' ? Math.max(0, Math.round(u.total_tokens)) : p + c,
  };
}

function badAnswer(settings: Settings, what: string): ExtractionError {
  return new ExtractionError(
    'unknown',
    `The server at ${settings.baseURL} answered ${what}, not an OpenAI-compatible completion. Check that the base URL points at the server's /v1 API.`,
  );
}

export interface RawAnswer {
  text: string;
  finishReason: string | null;
  usage?: Usage;
  mode: 'completion' | 'chat';
}

/** A completion or chat completion body (from the server or a batch output line) as a RawAnswer; throws on other shapes. */
export function readAnswer(answer: unknown, mode: 'completion' | 'chat', settings: Settings): RawAnswer {
  if (typeof answer === 'string') throw badAnswer(settings, `"${answer.replace(/\s+/g, ' ').slice(0, 60)}"`);
  if (mode === 'completion') {
    const r = CompletionWire.safeParse(answer);
    if (!r.success) throw badAnswer(settings, 'JSON without choices[].text');
    const c = r.data.choices[0];
    return { text: c.text ?? '', finishReason: c.finish_reason ?? null, usage: toUsage(r.data.usage), mode };
  }
  const r = ChatWire.safeParse(answer);
  if (!r.success) throw badAnswer(settings, 'JSON without choices[].message');
  const c = r.data.choices[0];
  if (c.message.refusal && !c.message.content) {
    throw new ExtractionError(
      'bad_request',
      `The model ${settings.model} refused to answer: ${firstLine(c.message.refusal)}`,
    );
  }
  return { text: c.message.content ?? '', finishReason: c.finish_reason ?? null, usage: toUsage(r.data.usage), mode };
}

/** Raw answers kept for the user to read: enough to see what went wrong, small enough to store. */
const RAW_ANSWER_LIMIT = 4000;
function clipRaw(text: string): string {
  return text.length > RAW_ANSWER_LIMIT ? `${text.slice(0, RAW_ANSWER_LIMIT - 1)}…` : text;
}

/**
 * The provider's result for one answer: entities parsed from it, with the meta `extract` reports.
 * An answer out of the format is an error, not "nothing found": an empty result would be shown,
 * cached and exported as a clean answer.
 */
export function resultFromAnswer(answer: RawAnswer, settings: Settings): ExtractionResult {
  const parsed = parseCompletion(answer.text, { finishReason: answer.finishReason ?? undefined, stop: settings.stop });
  if (parsed.unreadable) {
    throw new ExtractionError(
      'bad_answer',
      `The model's answer was not in the expected format, so no entities could be read from it. Check the model and mode in the settings (a model fine-tuned for this answers like skills:['sql']).`,
      { raw: clipRaw(answer.text) },
    );
  }
  const result: ExtractionResult = {
    ...parsed.entities,
    meta: {
      provider: 'openai',
      model: settings.model,
      finishReason: answer.finishReason,
      warnings: [...parsed.warnings],
      chunks: 1,
    },
  };
  if (answer.finishReason === 'length' || parsed.warnings.length > 0) result.meta.rawAnswer = clipRaw(answer.text);
  if (answer.usage) result.meta.usage = answer.usage;
  return result;
}
