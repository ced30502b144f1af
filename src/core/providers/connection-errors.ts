// Failures to reach the server at all, or a connection cut mid-answer: what the low-level cause says
// and what the user can do about it (start a local server, check the base URL).
import { APIError } from 'openai';
import { errorMessage } from '../text';
import type { ErrorContext } from './map-error';

/** Hosts that are the user's own machine or network: the server is theirs to start. */
export function isLocalBaseURL(baseURL: string): boolean {
  let host: string;
  try {
    host = new URL(baseURL).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '0.0.0.0' ||
    host === '::1' ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    host.endsWith('.local')
  );
}

/** The low-level reason of a connection failure (Node's undici puts it in `cause.code`). */
function connectionCause(err: unknown): { code?: string; message: string } {
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const c = cur as { code?: unknown; cause?: unknown; message?: unknown };
    if (typeof c.code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(c.code))
      return { code: c.code, message: String(c.message ?? '') };
    cur = c.cause;
  }
  return { message: errorMessage(err) };
}

export function unreachableMessage(err: unknown, ctx: ErrorContext): string {
  const { code } = connectionCause(err);
  const local = isLocalBaseURL(ctx.baseURL);
  const where = `Could not reach ${ctx.baseURL}`;
  let what: string;
  if (code === 'ECONNREFUSED') what = `${where}: the connection was refused (nothing is listening there).`;
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') what = `${where}: the host name does not resolve (DNS).`;
  else if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    what = `${where}: the server closed the connection without answering.`;
  else if (code) what = `${where} (${code}).`;
  // In a browser a refused connection and a CORS refusal look the same ("Failed to fetch").
  else what = `${where}: the server is down, the address is wrong, or it refused this origin (CORS).`;
  const todo = local
    ? ' Start your server and check the port (vLLM: `vllm serve MODEL`; llama.cpp: `llama-server -m MODEL.gguf`; Ollama: `ollama serve`; LM Studio: start the local server). From the extension, Ollama also needs OLLAMA_ORIGINS="chrome-extension://*,moz-extension://*" and LM Studio needs CORS enabled.'
    : ' Check the base URL in the settings (for OpenAI: https://api.openai.com/v1) and your network connection.';
  return what + todo;
}

/**
 * A connection cut after the answer started (headers received, body cut off): the SDK does not
 * wrap it, so it arrives as the fetch's own TypeError ("terminated" in Node, "Failed to fetch" or
 * "network error" in browsers). Worth one more try, like a 5xx.
 */
export function isCutConnection(err: unknown): boolean {
  if (!(err instanceof Error) || err instanceof APIError) return false;
  if (err.name === 'AbortError') return false;
  const { code } = connectionCause(err);
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return true;
  return (
    err instanceof TypeError &&
    /terminated|failed to fetch|network ?error|load failed|other side closed/i.test(err.message)
  );
}
