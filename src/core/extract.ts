// One entry point for "turn this posting into entities", shared by the service worker and the CLI:
// picks the provider from the settings, reads the part of the posting the scope asks for (see
// focus.ts), splits it when too long for the model's context, and validates what comes back.
import { ExtractionResultSchema, mergeEntities, type ExtractionResult, type Usage } from './entities';
import { ExtractionError } from './errors';
import { chunkText, promptBudget } from './chunk';
import { focusPosting } from './focus';
import type { PostingInput } from './posting';
import { normalizeText } from './prompt';
import type { Provider } from './provider';
import { openaiProvider, pingModel } from './providers/openai';
import { resolveProvider, type Settings } from './settings';
import { countTokens } from './tokens';

/** The provider these settings select. The offline extractor is loaded only when first used. */
export async function getProvider(settings: Settings): Promise<Provider> {
  if (resolveProvider(settings) === 'local') {
    const mod = await import('./local/provider');
    return mod.localProvider;
  }
  return openaiProvider;
}

function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ExtractionError('cancelled', 'Cancelled: the extraction was stopped.');
}

function addUsage(a: Usage | undefined, b: Usage | undefined): Usage | undefined {
  if (!a) return b;
  if (!b) return a;
  return { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens, totalTokens: a.totalTokens + b.totalTokens };
}

/** The pieces of the posting text that each fit one request (one piece when it fits whole). */
export function planChunks(text: string, settings: Settings): string[] {
  const budget = promptBudget(settings.model, { maxTokens: settings.maxTokens, contextTokens: settings.contextTokens });
  // The prompt is the text on one line: count that, since it is what the model receives.
  if (countTokens(normalizeText(text)) <= budget) return [text];
  const pieces = chunkText(text, budget);
  return pieces.length ? pieces : [text];
}

/**
 * Extract entities from one posting. Both providers read the same text: in scope 'focused' the
 * requirement-like sections (the text the model is prompted with, then the separator as in
 * training), else the whole posting. For a model server, a text longer than the model's context
 * (minus the answer budget) is split on sentence boundaries; the chunks are extracted one after
 * another with the same signal and merged in order.
 */
export async function extractPosting(input: PostingInput, settings: Settings, signal?: AbortSignal): Promise<ExtractionResult> {
  throwIfCancelled(signal);
  const provider = await getProvider(settings);
  const focus = focusPosting(input, settings.scope);
  const posting: PostingInput = { ...input, text: focus.text };
  let result: ExtractionResult;
  if (provider.id !== 'openai') {
    result = await provider.extract(posting, settings, signal);
  } else {
    const chunks = planChunks(posting.text, settings);
    const parts: ExtractionResult[] = [];
    for (const text of chunks) {
      throwIfCancelled(signal);
      parts.push(await provider.extract({ ...posting, text }, settings, signal));
    }
    if (parts.length === 1) result = parts[0];
    else {
      const warnings: string[] = [];
      parts.forEach((p, i) => p.meta.warnings.forEach((w) => warnings.push(`chunk ${i + 1}/${parts.length}: ${w}`)));
      // The run is as complete as its least complete chunk: report a truncation if any chunk had one.
      const finish = parts.find((p) => p.meta.finishReason && p.meta.finishReason !== 'stop')?.meta.finishReason ?? parts[parts.length - 1].meta.finishReason;
      const usage = parts.reduce<Usage | undefined>((u, p) => addUsage(u, p.meta.usage), undefined);
      result = { ...mergeEntities(parts), meta: { ...parts[0].meta, finishReason: finish, warnings, chunks: parts.length } };
      if (usage) result.meta.usage = usage;
      else delete result.meta.usage;
    }
  }
  result.meta = { ...result.meta, scope: focus.scope, read: focus.read };
  const checked = ExtractionResultSchema.safeParse(result);
  if (!checked.success) {
    throw new ExtractionError('unknown', `The ${provider.id} provider returned a malformed result (${checked.error.issues[0]?.message ?? 'invalid'}). Please report this.`);
  }
  return checked.data;
}

export interface ConnectionOk {
  ok: true;
  model: string;
  mode: 'completion' | 'chat';
}

/** The options page's "Test connection": the smallest real request; throws the mapped error. */
export async function testConnection(settings: Settings, signal?: AbortSignal): Promise<ConnectionOk> {
  const { mode } = await pingModel(settings, signal);
  return { ok: true, model: settings.model, mode };
}
