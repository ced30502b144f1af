// The model's contract: an OpenAI-compatible HTTP server on 127.0.0.1 that answers exactly as
// OpenAI's API does on the wire (JSON shapes, error bodies, status codes, rate-limit headers,
// CORS for chrome-extension:// origins). Tests, the bench and demos talk to it through the real
// `openai` SDK, so nothing on the client side is stubbed.
//
// Standalone: node scripts/run-ts.mjs test/server/openai-server.ts --port 8787 [--gold FILE.jsonl]... [--delay MS] [--api-key KEY]
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { encode } from 'gpt-tokenizer';
import { focusPosting } from '../../src/core/focus';

// ---------------------------------------------------------------------------------------------
// Types

/** An extra route (such as /v1/files and /v1/fine_tuning/jobs in fine-tuning.ts): return true when handled. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  url: URL,
) => boolean | Promise<boolean>;

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. /v1/completions. */
  path: string;
  /** Lower-cased header names; the Authorization value is replaced by 'Bearer [redacted]'. */
  headers: Record<string, string>;
  /** The API key the client sent ('' when none): tests check placeholders, never print it. */
  apiKey: string;
  /** Parsed JSON body, the raw text when not JSON, or null when empty. */
  body: unknown;
  /** Milliseconds since the server started, when the request arrived. */
  at: number;
  /** Date.now() when the request arrived. */
  time: number;
}

/** What an answer function sees for one completion or chat request. */
export interface AnswerRequest {
  kind: 'completion' | 'chat';
  model: string;
  /** The completion prompt, or the content of the last user message for chat. */
  prompt: string;
  messages?: { role: string; content: string }[];
  body: Record<string, unknown>;
}
export type Answerer = (req: AnswerRequest) => string;

/** The faults the server can play, each with the status and body OpenAI sends. */
export const FAULTS = [
  'invalid_key', // 401 invalid_api_key
  'no_access', // 403 (model not available to this organisation / region)
  'model_not_found', // 404 model_not_found
  'rate_limit', // 429 rate_limit_exceeded with retry-after and x-ratelimit-* headers
  'insufficient_quota', // 429 insufficient_quota (billing)
  'server_error', // 500
  'unavailable', // 503 overloaded
  'bad_request', // 400 invalid_request_error with a message
  'context_length', // 400 context_length_exceeded
  'drop_connection', // the socket closes without an answer
  'garbage', // 200 with a body that is not JSON
] as const;
export type Fault = (typeof FAULTS)[number];

export interface ModelBehavior {
  fault?: Fault;
  /** Play the fault for the first N requests to this model only, then answer normally. */
  times?: number;
  /** Wait this long before answering (a slow model). */
  delayMs?: number;
  /** Seconds in retry-after for rate_limit (default 1); retryAfterMs also sends retry-after-ms. */
  retryAfterSeconds?: number;
  retryAfterMs?: number;
  /** The model's context window for context_length checks (prompt + max_tokens). */
  contextTokens?: number;
  /** A fixed answer for this model (overrides the answer function). */
  answer?: string;
  /** Refuse max_tokens and a temperature other than 1, as OpenAI's reasoning models (o-series, gpt-5) do. */
  reasoning?: boolean;
}

export interface OpenAIServerOptions {
  port?: number;
  /** When set, requests must carry `Authorization: Bearer <apiKey>`; otherwise any key (or none) passes. */
  apiKey?: string;
  /** Produce the model's raw answer (before stop sequences and max_tokens are applied). */
  answer?: Answerer;
  /** Every answer waits this long (per-model delayMs overrides); a function may vary it per request. */
  delayMs?: number | ((req: AnswerRequest) => number);
  /** Per-model behaviour, merged over BUILTIN_BEHAVIORS. */
  behaviors?: Record<string, ModelBehavior>;
  /** When set, models outside this list (and the built-in ones) get 404 model_not_found. */
  models?: string[];
  /** Extra routes consulted before the 404 for unknown paths. */
  routes?: RouteHandler[];
  /** false mimics servers with CORS off (LM Studio by default): no Access-Control-* headers. */
  cors?: boolean;
  /** Serve HTTPS with this certificate (PEM), e.g. as a stand-in for api.openai.com. */
  tls?: { key: string; cert: string };
}

export interface OpenAIServer {
  /** http://127.0.0.1:PORT/v1 — the base URL to configure. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Set the behaviour of one model ('*' = every model without its own entry); resets its counter. */
  setBehavior(model: string, behavior: ModelBehavior | undefined): void;
  setAnswer(answer: Answerer): void;
  /** Requests to /v1/completions and /v1/chat/completions only. */
  modelRequests(): RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Model ids with a built-in behaviour, so a test (or a user trying the CLI) can provoke each fault
 * by model id alone.
 */
export const BUILTIN_BEHAVIORS: Record<string, ModelBehavior> = {
  'fail-once-500': { fault: 'server_error', times: 1 },
  'fail-once-503': { fault: 'unavailable', times: 1 },
  'fail-once-429': { fault: 'rate_limit', times: 1, retryAfterSeconds: 1, retryAfterMs: 200 },
  'fail-once-drop': { fault: 'drop_connection', times: 1 },
  'always-500': { fault: 'server_error' },
  'always-503': { fault: 'unavailable' },
  'always-429': { fault: 'rate_limit', retryAfterSeconds: 1, retryAfterMs: 50 },
  'insufficient-quota': { fault: 'insufficient_quota' },
  'forbidden-model': { fault: 'no_access' },
  'no-such-model': { fault: 'model_not_found' },
  'bad-request': { fault: 'bad_request' },
  'garbage-model': { fault: 'garbage' },
  'slow-model': { delayMs: 3_000 },
  'small-context': { contextTokens: 1_024 },
  'reasoning-model': { reasoning: true },
};

// ---------------------------------------------------------------------------------------------
// Wire format helpers (shapes as OpenAI sends them)

const NO_ENTITY = ' no entity\n , END';

export function openaiError(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

function countTokens(text: string): number {
  try {
    return encode(text, { disallowedSpecial: new Set() }).length;
  } catch {
    return Math.ceil(text.length / 4);
  }
}

/** Cut the answer at the first stop sequence (excluded, like OpenAI) and at max_tokens. */
export function applyStopAndLength(
  answer: string,
  stop: unknown,
  maxTokens: number | undefined,
): { text: string; finishReason: 'stop' | 'length' } {
  const stops = (typeof stop === 'string' ? [stop] : Array.isArray(stop) ? stop : []).filter(
    (s): s is string => typeof s === 'string' && s.length > 0,
  );
  let text = answer;
  let cut = -1;
  for (const s of stops) {
    const i = text.indexOf(s);
    if (i >= 0 && (cut < 0 || i < cut)) cut = i;
  }
  if (cut >= 0) text = text.slice(0, cut);
  if (maxTokens !== undefined && maxTokens > 0) {
    const ids = encode(text, { disallowedSpecial: new Set() });
    if (ids.length > maxTokens) {
      // Decode token by token so the cut falls where the model would have stopped.
      let out = '';
      let n = 0;
      for (const piece of tokenPieces(text)) {
        if (n + piece.tokens > maxTokens) break;
        out += piece.text;
        n += piece.tokens;
      }
      return { text: out, finishReason: 'length' };
    }
  }
  return { text, finishReason: 'stop' };
}

/** The text split into small pieces (words and the spaces before them) with their token counts. */
function tokenPieces(text: string): { text: string; tokens: number }[] {
  return (text.match(/\s*\S{1,4}|\s+$/g) ?? []).map((p) => ({ text: p, tokens: countTokens(p) }));
}

function requestId(): string {
  return 'req_' + Math.random().toString(16).slice(2, 14).padEnd(12, '0');
}

/** `prefix-` and n random letters and digits, like OpenAI's object ids (`chatcmpl-...`, `ftjob-...`). */
export function randomId(prefix: string, n = 24): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return `${prefix}-${s}`;
}

function completionId(prefix: string): string {
  return randomId(prefix, 29);
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  // Echo the requested headers: a wildcard never covers Authorization, and the SDK adds x-stainless-*.
  const asked = req.headers['access-control-request-headers'];
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers':
      typeof asked === 'string' && asked
        ? asked
        : 'authorization, content-type, openai-organization, openai-project, x-stainless-arch, x-stainless-lang, x-stainless-os, x-stainless-package-version, x-stainless-retry-count, x-stainless-runtime, x-stainless-runtime-version, x-stainless-timeout',
    'access-control-expose-headers':
      'x-request-id, openai-processing-ms, retry-after, retry-after-ms, x-ratelimit-limit-requests, x-ratelimit-remaining-requests, x-ratelimit-reset-requests, x-ratelimit-limit-tokens, x-ratelimit-remaining-tokens, x-ratelimit-reset-tokens',
    'access-control-max-age': '600',
  };
}

function faultResponse(
  fault: Fault,
  model: string,
  behavior: ModelBehavior,
  key: string,
): { status: number; body: unknown; headers?: Record<string, string> } {
  switch (fault) {
    case 'invalid_key':
      return {
        status: 401,
        body: openaiError(
          `Incorrect API key provided: ${redactKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          'invalid_request_error',
          'invalid_api_key',
        ),
      };
    case 'no_access':
      return {
        status: 403,
        body: openaiError(
          `You are not allowed to sample from this model`,
          'invalid_request_error',
          'model_not_available',
        ),
      };
    case 'model_not_found':
      return {
        status: 404,
        body: openaiError(
          `The model \`${model}\` does not exist or you do not have access to it.`,
          'invalid_request_error',
          'model_not_found',
        ),
      };
    case 'rate_limit': {
      const seconds = behavior.retryAfterSeconds ?? 1;
      const headers: Record<string, string> = {
        'retry-after': String(seconds),
        'x-ratelimit-limit-requests': '3',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': `${seconds}s`,
        'x-ratelimit-limit-tokens': '40000',
        'x-ratelimit-remaining-tokens': '39000',
        'x-ratelimit-reset-tokens': '1.5s',
      };
      if (behavior.retryAfterMs !== undefined) headers['retry-after-ms'] = String(behavior.retryAfterMs);
      return {
        status: 429,
        headers,
        body: openaiError(
          `Rate limit reached for ${model} in organization org-test on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${seconds}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
          'requests',
          'rate_limit_exceeded',
        ),
      };
    }
    case 'insufficient_quota':
      return {
        status: 429,
        body: openaiError(
          'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
          'insufficient_quota',
          'insufficient_quota',
        ),
      };
    case 'server_error':
      return {
        status: 500,
        body: openaiError(
          'The server had an error while processing your request. Sorry about that!',
          'server_error',
          null,
        ),
      };
    case 'unavailable':
      return {
        status: 503,
        body: openaiError('The engine is currently overloaded, please try again later', 'server_error', null),
      };
    case 'bad_request':
      return {
        status: 400,
        body: openaiError(
          "Invalid value for 'temperature': expected a number between 0 and 2.",
          'invalid_request_error',
          'invalid_value',
          'temperature',
        ),
      };
    case 'context_length':
      return {
        status: 400,
        body: openaiError(
          `This model's maximum context length is ${behavior.contextTokens ?? 4097} tokens. Please reduce the length of the messages or completion.`,
          'invalid_request_error',
          'context_length_exceeded',
          'messages',
        ),
      };
    case 'drop_connection':
    case 'garbage':
      return { status: 200, body: null };
  }
}

function redactKey(key: string): string {
  if (key.length <= 8) return '*'.repeat(key.length);
  return key.slice(0, 3) + '*'.repeat(Math.min(key.length - 7, 20)) + key.slice(-4);
}

// ---------------------------------------------------------------------------------------------
// Answers

/**
 * Normalise a prompt to look it up whatever the client did to it: separator removed, white space
 * collapsed, case folded and `#` runs dropped (clients neutralise `###` and `END` inside the text).
 */
export function promptKey(text: string): string {
  return text
    .replace(/\n\n###\n\n\s*$/, '')
    .toLowerCase()
    .replace(/#+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * An answer function that gives the gold completion of each known prompt (seed JSONL records
 * {prompt, completion}); chat requests get the same entity lines without the leading space and
 * the stop word (what a chat fine-tune trained on the exported `messages` answers). Unknown
 * prompts get the negative answer.
 */
export function goldAnswerer(
  records: { prompt: string; completion: string }[],
  fallback: string = NO_ENTITY,
): Answerer {
  // The seed holds the same prompt more than once with different gold completions: the n-th
  // request for a prompt gets its n-th completion (cycling), so a run in input order gets each.
  const map = new Map<string, { completions: string[]; next: number }>();
  for (const r of records) {
    const key = promptKey(r.prompt);
    const entry = map.get(key) ?? { completions: [], next: 0 };
    entry.completions.push(r.completion);
    map.set(key, entry);
  }
  // Clients read postings in scope 'focused' by default: a posting's company blurb, benefits and
  // legal text never reach the model. The same record answers that narrower prompt (a model trained
  // on the snippet answers it alike: its gold values all lie in the focused part).
  for (const r of records) {
    const entry = map.get(promptKey(r.prompt));
    const focused = promptKey(focusPosting({ text: r.prompt.replace(/\n\n###\n\n\s*$/, '') }, 'focused').text);
    if (entry && !map.has(focused)) map.set(focused, entry);
  }
  return (req) => {
    const entry = map.get(promptKey(req.prompt));
    let gold = fallback;
    if (entry) {
      gold = entry.completions[entry.next % entry.completions.length];
      entry.next++;
    }
    return req.kind === 'chat' ? toChatAnswer(gold) : gold;
  };
}

/** The seed completion as a chat assistant would say it: entity lines, no leading space, no stop word. */
export function toChatAnswer(completion: string): string {
  return completion
    .replace(/^ /, '')
    .replace(/\n?\s*,?\s*END\s*$/, '')
    .replace(/\s+$/, '');
}

/** Read seed-format JSONL (tolerates a missing final newline). */
export function readGoldJsonl(path: string): { prompt: string; completion: string }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { prompt: string; completion: string });
}

// ---------------------------------------------------------------------------------------------
// The server

export async function startOpenAIServer(opts: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const started = Date.now();
  const requests: RecordedRequest[] = [];
  const behaviors = new Map<string, ModelBehavior>(Object.entries({ ...BUILTIN_BEHAVIORS, ...(opts.behaviors ?? {}) }));
  const counters = new Map<string, number>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let answer: Answerer = opts.answer ?? (() => NO_ENTITY);
  const cors = opts.cors !== false;

  function behaviorFor(model: string): ModelBehavior {
    return behaviors.get(model) ?? behaviors.get('*') ?? {};
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      'x-request-id': requestId(),
      'openai-processing-ms': '12',
      'openai-version': '2020-10-01',
      ...(cors ? corsHeaders(req) : {}),
      ...headers,
    });
    res.end(text);
  }

  function wait(ms: number, res: ServerResponse): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve(!res.destroyed);
      }, ms);
      timers.add(t);
      // The client gave up (timeout or cancel): stop waiting.
      res.on('close', () => {
        clearTimeout(t);
        timers.delete(t);
        resolve(false);
      });
    });
  }

  async function handleModelCall(
    kind: 'completion' | 'chat',
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
    key: string,
  ): Promise<void> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      send(
        req,
        res,
        400,
        openaiError(
          "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)",
          'invalid_request_error',
          null,
        ),
      );
      return;
    }
    const b = body as Record<string, unknown>;
    const model = typeof b.model === 'string' ? b.model : '';
    if (!model) {
      send(req, res, 400, openaiError('you must provide a model parameter', 'invalid_request_error', null));
      return;
    }
    let prompt: string;
    let messages: { role: string; content: string }[] | undefined;
    if (kind === 'completion') {
      if (typeof b.prompt !== 'string') {
        send(
          req,
          res,
          400,
          openaiError(
            "Missing required parameter: 'prompt'.",
            'invalid_request_error',
            'missing_required_parameter',
            'prompt',
          ),
        );
        return;
      }
      prompt = b.prompt;
    } else {
      if (!Array.isArray(b.messages) || b.messages.length === 0) {
        send(
          req,
          res,
          400,
          openaiError(
            "Missing required parameter: 'messages'.",
            'invalid_request_error',
            'missing_required_parameter',
            'messages',
          ),
        );
        return;
      }
      messages = (b.messages as { role?: unknown; content?: unknown }[]).map((m) => ({
        role: String(m.role),
        content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
      }));
      prompt = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    }
    if (opts.models && !opts.models.includes(model) && !behaviors.has(model)) {
      send(req, res, 404, faultResponse('model_not_found', model, {}, key).body);
      return;
    }

    const behavior = behaviorFor(model);
    const count = (counters.get(model) ?? 0) + 1;
    counters.set(model, count);
    const answerReq: AnswerRequest = { kind, model, prompt, messages, body: b };
    const delay =
      behavior.delayMs ?? (typeof opts.delayMs === 'function' ? opts.delayMs(answerReq) : opts.delayMs) ?? 0;
    if (!(await wait(delay, res))) return;

    let fault =
      behavior.fault && (behavior.times === undefined || count <= behavior.times) ? behavior.fault : undefined;
    const maxTokens =
      typeof b.max_tokens === 'number'
        ? b.max_tokens
        : typeof b.max_completion_tokens === 'number'
          ? b.max_completion_tokens
          : undefined;
    const promptTokens =
      countTokens(kind === 'completion' ? prompt : (messages ?? []).map((m) => m.content).join('\n')) +
      (kind === 'chat' ? 3 + 4 * (messages?.length ?? 0) : 0);
    if (!fault && behavior.contextTokens !== undefined && promptTokens + (maxTokens ?? 16) > behavior.contextTokens)
      fault = 'context_length';
    if (!fault && behavior.reasoning && kind === 'chat') {
      if (b.max_tokens !== undefined) {
        send(
          req,
          res,
          400,
          openaiError(
            "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
            'invalid_request_error',
            'unsupported_parameter',
            'max_tokens',
          ),
        );
        return;
      }
      if (b.temperature !== undefined && b.temperature !== 1) {
        send(
          req,
          res,
          400,
          openaiError(
            `Unsupported value: 'temperature' does not support ${String(b.temperature)} with this model. Only the default (1) value is supported.`,
            'invalid_request_error',
            'unsupported_value',
            'temperature',
          ),
        );
        return;
      }
    }
    if (fault === 'drop_connection') {
      req.socket.destroy();
      return;
    }
    if (fault === 'garbage') {
      res.writeHead(200, { 'content-type': 'text/html', ...(cors ? corsHeaders(req) : {}) });
      res.end('<html><body>502 Bad Gateway</body></html>');
      return;
    }
    if (fault) {
      const f = faultResponse(fault, model, behavior, key);
      send(req, res, f.status, f.body, f.headers);
      return;
    }

    const raw = behavior.answer ?? answer(answerReq);
    // Chat models answer without a stop parameter most of the time; honour one when sent.
    const { text, finishReason } = applyStopAndLength(raw, b.stop, maxTokens);
    const completionTokens = countTokens(text);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    };
    const created = Math.floor(Date.now() / 1000);
    const rateHeaders = {
      'x-ratelimit-limit-requests': '10000',
      'x-ratelimit-remaining-requests': '9999',
      'x-ratelimit-reset-requests': '6ms',
    };
    if (kind === 'completion') {
      send(
        req,
        res,
        200,
        {
          id: completionId('cmpl'),
          object: 'text_completion',
          created,
          model,
          choices: [{ text, index: 0, logprobs: null, finish_reason: finishReason }],
          usage,
          system_fingerprint: 'fp_test',
        },
        rateHeaders,
      );
    } else {
      send(
        req,
        res,
        200,
        {
          id: completionId('chatcmpl'),
          object: 'chat.completion',
          created,
          model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: text, refusal: null, annotations: [] },
              logprobs: null,
              finish_reason: finishReason,
            },
          ],
          usage: {
            ...usage,
            prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
            completion_tokens_details: {
              reasoning_tokens: 0,
              audio_tokens: 0,
              accepted_prediction_tokens: 0,
              rejected_prediction_tokens: 0,
            },
          },
          service_tier: 'default',
          system_fingerprint: 'fp_test',
        },
        rateHeaders,
      );
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    const key = auth.replace(/^Bearer\s+/i, '');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    if (headers.authorization) headers.authorization = 'Bearer [redacted]';
    let body: unknown = null;
    const text = raw.toString('utf8');
    const isJson = /json/.test(String(req.headers['content-type'] ?? ''));
    if (raw.length && isJson) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    } else if (raw.length)
      body = /multipart/.test(String(req.headers['content-type'] ?? '')) ? `[multipart ${raw.length} bytes]` : text;
    requests.push({
      method: req.method ?? 'GET',
      path,
      headers,
      apiKey: key,
      body,
      at: Date.now() - started,
      time: Date.now(),
    });

    if (req.method === 'OPTIONS') {
      // Preflight from a chrome-extension:// origin: no auth, no body.
      res.writeHead(204, cors ? corsHeaders(req) : {});
      res.end();
      return;
    }

    if (path.startsWith('/v1/') && opts.apiKey !== undefined && key !== opts.apiKey) {
      const msg = key
        ? `Incorrect API key provided: ${redactKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`
        : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.";
      send(req, res, 401, openaiError(msg, 'invalid_request_error', key ? 'invalid_api_key' : null));
      return;
    }
    // A model whose built-in behaviour is a bad key answers 401 whatever the key.
    if (req.method === 'POST' && (path === '/v1/completions' || path === '/v1/chat/completions')) {
      const model = body && typeof body === 'object' ? String((body as Record<string, unknown>).model ?? '') : '';
      if (behaviorFor(model).fault === 'invalid_key') {
        const f = faultResponse('invalid_key', model, {}, key);
        send(req, res, f.status, f.body);
        return;
      }
      await handleModelCall(path === '/v1/completions' ? 'completion' : 'chat', req, res, body, key);
      return;
    }
    if (req.method === 'GET' && path === '/v1/models') {
      const ids = [
        ...new Set(
          [...(opts.models ?? ['davinci-002', 'babbage-002', 'gpt-4o-mini-2024-07-18']), ...behaviors.keys()].filter(
            (m) => m !== '*',
          ),
        ),
      ];
      send(req, res, 200, {
        object: 'list',
        data: ids.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'system' })),
      });
      return;
    }
    for (const route of opts.routes ?? []) {
      if (await route(req, res, raw, url)) return;
    }
    send(req, res, 404, openaiError(`Invalid URL (${req.method} ${path})`, 'invalid_request_error', null));
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      send(req, res, 500, openaiError(`Test server failure: ${(err as Error).message}`, 'server_error', null));
    });
  };
  const server: Server = opts.tls ? createHttpsServer(opts.tls, listener) : createServer(listener);
  if (opts.tls)
    server.on('secureConnection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}/v1`,
    port,
    requests,
    setBehavior(model, behavior) {
      if (behavior) behaviors.set(model, behavior);
      else behaviors.delete(model);
      counters.delete(model);
    },
    setAnswer(a) {
      answer = a;
    },
    modelRequests() {
      return requests.filter(
        (r) => r.method === 'POST' && (r.path === '/v1/completions' || r.path === '/v1/chat/completions'),
      );
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Standalone (manual use and demos)

async function mainStandalone(argv: string[]): Promise<void> {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8787' },
      gold: { type: 'string', multiple: true },
      delay: { type: 'string' },
      'api-key': { type: 'string' },
    },
  });
  const records = (values.gold ?? []).flatMap((f) => readGoldJsonl(f));
  const server = await startOpenAIServer({
    port: Number(values.port),
    answer: goldAnswerer(records),
    delayMs: values.delay ? Number(values.delay) : undefined,
    apiKey: values['api-key'],
  });
  process.stdout.write(
    `OpenAI-compatible test server on ${server.url}\n` +
      `  ${records.length} gold answers loaded; unknown prompts answer " no entity".\n` +
      `  Fault models: ${Object.keys(BUILTIN_BEHAVIORS).join(', ')}\n` +
      `  Try: job-entities extract --base-url ${server.url} --model davinci-002 --input posting.txt\n`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (typeof process !== 'undefined' && /openai-server\.(m?js|ts)$/.test(process.argv[1] ?? '')) {
  void mainStandalone(process.argv.slice(2));
}

/** A port on 127.0.0.1 where nothing listens: connecting to it is refused (the "server unreachable" case). */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
