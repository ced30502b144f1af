// The SDK client for an OpenAI-compatible server: the key only where it may go, and no retries of
// what retrying cannot fix (a 429 for billing, a long retry-after).
import OpenAI from 'openai';
import { keyMayGoTo, type Settings } from '../settings';

/**
 * Sent when no key is set. Local servers (vLLM, llama.cpp, Ollama, LM Studio) need none, but the
 * SDK refuses to build a client without one; they ignore the header.
 */
export const PLACEHOLDER_API_KEY = 'no-key';

/** Longest retry-after the SDK may sleep for before retrying a 429; beyond it we fail fast. */
const MAX_RETRY_AFTER_MS = 20_000;

type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that tells the SDK not to retry what retrying cannot fix. SDK 6 retries every 429, but a
 * 429 `insufficient_quota` is billing, not a rate limit: we add `x-should-retry: false`, which the
 * SDK obeys. A 429 asking to wait longer than MAX_RETRY_AFTER_MS is not retried either, so a
 * service worker is not kept sleeping past its lifetime.
 */
export function noRetryOnQuotaFetch(base: FetchLike = (input, init) => globalThis.fetch(input, init)): FetchLike {
  return async (input, init) => {
    const res = await base(input, init);
    if (res.status !== 429 || res.headers.has('x-should-retry')) return res;
    const text = await res.text();
    const headers = new Headers(res.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    if (/"insufficient_quota"/.test(text) || retryAfterMs(res.headers) > MAX_RETRY_AFTER_MS)
      headers.set('x-should-retry', 'false');
    return new Response(text, { status: res.status, statusText: res.statusText, headers });
  };
}

function retryAfterMs(h: Headers): number {
  const ms = Number(h.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const raw = h.get('retry-after');
  if (!raw) return 0;
  const s = Number(raw);
  if (Number.isFinite(s)) return s * 1000;
  const at = Date.parse(raw);
  return Number.isFinite(at) ? at - Date.now() : 0;
}

export function createClient(settings: Settings, fetchImpl?: FetchLike): OpenAI {
  return new OpenAI({
    // The key goes only to the origin it was saved for, whatever the base URL says now.
    apiKey: (keyMayGoTo(settings) && settings.apiKey) || PLACEHOLDER_API_KEY,
    baseURL: settings.baseURL,
    maxRetries: settings.maxRetries,
    timeout: settings.timeoutMs,
    // The service worker and popup are browsers to the SDK; the key is the user's own, kept in the extension.
    dangerouslyAllowBrowser: true,
    fetch: noRetryOnQuotaFetch(fetchImpl),
  });
}
