// One entry point for "turn this posting into entities", shared by the service worker and the CLI:
// picks the provider from the settings, reads the part of the posting the scope asks for (see
// focus.ts), splits it when too long for the model's context, cleans a model's answer with the
// offline extractor's type sanity, and validates what comes back.
import { withLinkedSignal } from './abortable';
import { attributeSections } from './attribute-sections';
import { ExtractionResultSchema, mergeEntities, pickEntities, type ExtractionResult, type Usage } from './entities';
import { sanitizeEntities } from './sanity';
import { ExtractionError, throwIfCancelled } from './errors';
import { chunkText, promptBudget } from './chunk';
import { focusPosting, postingSections } from './focus';
import type { PostingInput } from './posting';
import { normalizeText } from './prompt';
import type { Provider } from './provider';
import { openaiProvider, pingModel } from './providers/openai';
import { resolveProvider, type Settings } from './settings';
import { countTokens } from './tokens';

export { withLinkedSignal } from './abortable';

/** The provider these settings select. The offline extractor is loaded only when first used. */
export async function getProvider(settings: Settings): Promise<Provider> {
  if (resolveProvider(settings) === 'local') {
    const mod = await import('./local/provider');
    return mod.localProvider;
  }
  return openaiProvider;
}

function addUsage(a: Usage | undefined, b: Usage | undefined): Usage | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
}

/** The pieces of the posting text that each fit one request (one piece when it fits whole). */
export function planChunks(text: string, settings: Settings): string[] {
  const budget = promptBudget(settings.model, { maxTokens: settings.maxTokens, contextTokens: settings.contextTokens });
  // The prompt is the text on one line: count that, since it is what the model receives.
  if (countTokens(normalizeText(text)) <= budget) return [text];
  const pieces = chunkText(text, budget);
  return pieces.length ? pieces : [text];
}

/** What of this posting is read in these settings' scope: the text, and the meta saying so. */
export function readPosting(
  posting: PostingInput,
  settings: Settings,
): { text: string; meta: Pick<ExtractionResult['meta'], 'scope' | 'read'> } {
  const focus = focusPosting(posting, settings.scope);
  return { text: focus.text, meta: { scope: focus.scope, read: focus.read } };
}

/**
 * The texts sent to a model server for this posting, one request each, in order: the part the
 * scope reads, split when too long for the model's context. `extract` and `extract --batch` both
 * build their requests from these, so what goes into the prompt is decided here once.
 */
export function postingRequestTexts(
  posting: PostingInput,
  settings: Settings,
  read = readPosting(posting, settings),
): string[] {
  return planChunks(read.text, settings);
}

/** One result from the results of a posting's chunks, in order (the one result when there was one chunk). */
export function mergeChunkResults(parts: ExtractionResult[]): ExtractionResult {
  if (parts.length === 1) return parts[0];
  const warnings: string[] = [];
  parts.forEach((p, i) => p.meta.warnings.forEach((w) => warnings.push(`chunk ${i + 1}/${parts.length}: ${w}`)));
  // The run is as complete as its least complete chunk: report a truncation if any chunk had one.
  const finish =
    parts.find((p) => p.meta.finishReason && p.meta.finishReason !== 'stop')?.meta.finishReason ??
    parts[parts.length - 1].meta.finishReason;
  const usage = parts.reduce<Usage | undefined>((u, p) => addUsage(u, p.meta.usage), undefined);
  const result: ExtractionResult = {
    ...mergeEntities(parts),
    meta: { ...parts[0].meta, finishReason: finish, warnings, chunks: parts.length },
  };
  const raws = parts.flatMap((p, i) =>
    p.meta.rawAnswer ? [`chunk ${i + 1}/${parts.length}: ${p.meta.rawAnswer}`] : [],
  );
  if (raws.length) result.meta.rawAnswer = raws.join('\n\n');
  else delete result.meta.rawAnswer;
  if (usage) result.meta.usage = usage;
  else delete result.meta.usage;
  return result;
}

/**
 * A provider's result as it leaves the core: a model's answer cleaned with the offline extractor's
 * type sanity (a model fine-tuned on requirement snippets labels places, pay and benefits of a
 * whole posting too; generic words kept), what was read noted, checked against the contract, and
 * each value given the section it came from (required or nice-to-have, for matching) when the
 * posting is known. `extract` and `extract --batch` both end here.
 */
export function checkResult(
  result: ExtractionResult,
  providerId: string,
  read?: Pick<ExtractionResult['meta'], 'scope' | 'read'>,
  posting?: PostingInput,
): ExtractionResult {
  const cleaned = providerId === 'openai' ? cleanModelAnswer(result, posting?.company) : result;
  const withRead = read ? { ...cleaned, meta: { ...cleaned.meta, ...read } } : cleaned;
  const checked = ExtractionResultSchema.safeParse(withRead);
  if (!checked.success) {
    throw new ExtractionError(
      'unknown',
      `The ${providerId} provider returned a malformed result (${checked.error.issues[0]?.message ?? 'invalid'}). Please report this.`,
    );
  }
  return posting ? attributeSections(checked.data, postingSections(posting)) : checked.data;
}

/** The model's answer with values that can never be entities of their type dropped and the rest trimmed. */
export function cleanModelAnswer(result: ExtractionResult, company?: string): ExtractionResult {
  const cleaned = sanitizeEntities(pickEntities(result), { company, strict: false });
  const out: ExtractionResult = { ...result, ...cleaned };
  // Details, when a provider gave them, must stay parallel to the lists.
  if (result.details) delete out.details;
  return out;
}

/**
 * Extract entities from one posting. Both providers read the same text: in scope 'focused' the
 * requirement-like sections (the text the model is prompted with, then the separator as in
 * training), else the whole posting. For a model server, a text longer than the model's context
 * (minus the answer budget) is split on sentence boundaries; the chunks are extracted one after
 * another with the same signal and merged in order.
 */
export async function extractPosting(
  input: PostingInput,
  settings: Settings,
  signal?: AbortSignal,
): Promise<ExtractionResult> {
  throwIfCancelled(signal);
  const provider = await getProvider(settings);
  const read = readPosting(input, settings);
  const posting: PostingInput = { ...input, text: read.text };
  let result: ExtractionResult;
  if (provider.id !== 'openai') {
    result = await provider.extract(posting, settings, signal);
  } else {
    const chunks = postingRequestTexts(input, settings, read);
    const parts: ExtractionResult[] = [];
    for (const text of chunks) {
      throwIfCancelled(signal);
      parts.push(await withLinkedSignal(signal, (s) => provider.extract({ ...posting, text }, settings, s)));
    }
    result = mergeChunkResults(parts);
  }
  return checkResult(result, provider.id, read.meta, input);
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
