// The one typed message map between the extension's pages and its service worker. zod schemas are
// the source of truth; the worker validates every request on receipt, and the UI validates every
// reply. Only extension pages may send these messages: content scripts never talk to the worker
// (the capture script's result comes back through scripting.executeScript), and the API key never
// travels from the worker to a page.
import browser, { type Runtime } from 'webextension-polyfill';
import { z } from 'zod';
import { ExtractionResultSchema } from '../core/entities';
import { ErrorInfoSchema, toErrorInfo, type ErrorInfo } from '../core/errors';
import { ScopeSchema } from '../core/sections';
import { SettingsSchema } from '../core/settings';
import { errorMessage } from '../core/text';
import { HighlightCommandSchema, HighlightReportSchema } from './highlight-contract';
import { JobStateSchema } from './job-state';

export { JOB_STATUSES, JobStateSchema, type JobState } from './job-state';

/** Settings as pages see them: everything but the key, plus whether a key is saved. */
export const PublicSettingsSchema = SettingsSchema.omit({ apiKey: true, keyOrigin: true }).extend({
  hasKey: z.boolean(),
  /** Stored fields that could not be read and took their default ('settings': the whole record). */
  reset: z.array(z.string()).optional(),
  /** A key is saved but not used: the stored settings were damaged. */
  keyWithheld: z.boolean().optional(),
});
export type PublicSettings = z.infer<typeof PublicSettingsSchema>;

/** A settings draft from the options page. `apiKey` absent = keep the saved key; '' = remove it. */
export const SettingsDraftSchema = z.object({
  settings: z.record(z.string(), z.unknown()),
  apiKey: z.string().optional(),
});

const FieldIssuesSchema = z.record(z.string(), z.string());

export const MESSAGES = {
  /**
   * Capture the tab's posting and extract its entities (cached unless `force`). `scope` overrides the
   * settings' scope for this posting (the popup's "Read the whole posting"); the choice holds for the
   * tab's posting until another is made. `offline`: this once with the offline extractor.
   */
  extract: {
    request: z.object({
      tabId: z.number().int(),
      force: z.boolean().optional(),
      selection: z.boolean().optional(),
      scope: ScopeSchema.optional(),
      all: z.boolean().optional(),
      offline: z.boolean().optional(),
    }),
    reply: JobStateSchema,
  },
  /** The tab's current job, if any (used by a popup reopened while a request runs). */
  'get-job': {
    request: z.object({ tabId: z.number().int() }),
    reply: JobStateSchema.nullable(),
  },
  /** Abort the tab's in-flight request. */
  cancel: {
    request: z.object({ tabId: z.number().int() }),
    reply: z.object({ cancelled: z.boolean() }),
  },
  'get-settings': {
    request: z.object({}),
    reply: PublicSettingsSchema,
  },
  /** Validate and save; field messages come back in `issues` when invalid. */
  'save-settings': {
    request: SettingsDraftSchema,
    reply: z.object({
      ok: z.boolean(),
      settings: PublicSettingsSchema.optional(),
      issues: FieldIssuesSchema.optional(),
    }),
  },
  /** A tiny request to the model with the draft settings (the saved key when the draft has none and the base URL's origin is unchanged: a key only goes to the server it was saved for). */
  'test-connection': {
    request: SettingsDraftSchema,
    reply: z.object({ ok: z.boolean(), message: z.string(), issues: FieldIssuesSchema.optional() }),
  },
  /** Open the options page (from a popup error). */
  'open-options': {
    request: z.object({}),
    reply: z.object({}),
  },
  /** Entities from given text (candidate mode: a pasted résumé), same pipeline and settings; not cached. */
  'extract-text': {
    request: z.object({ text: z.string().trim().min(1).max(200_000), title: z.string().optional() }),
    reply: ExtractionResultSchema,
  },
  /** Highlight the posting's entities in the tab's page (CSS Custom Highlight API), scroll to one, or remove them. */
  highlight: {
    request: z.object({ tabId: z.number().int(), command: HighlightCommandSchema }),
    reply: HighlightReportSchema,
  },
} as const;

export type MessageName = keyof typeof MESSAGES;
export type RequestOf<N extends MessageName> = z.input<(typeof MESSAGES)[N]['request']>;
export type ParsedRequestOf<N extends MessageName> = z.infer<(typeof MESSAGES)[N]['request']>;
export type ReplyOf<N extends MessageName> = z.infer<(typeof MESSAGES)[N]['reply']>;

/** What travels on the wire. */
const EnvelopeSchema = z.object({ type: z.string(), payload: z.unknown() });
const ReplyEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorInfoSchema }),
]);
type ReplyEnvelope = z.infer<typeof ReplyEnvelopeSchema>;

/** Thrown on the UI side when the worker answers with an error. */
export class MessageError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'MessageError';
    this.info = info;
  }
}

/** UI side: send a typed request, get the validated reply or a MessageError carrying ErrorInfo. */
export async function sendMessage<N extends MessageName>(name: N, req: RequestOf<N>): Promise<ReplyOf<N>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ type: name, payload: req });
  } catch (err) {
    throw new MessageError({
      code: 'unknown',
      message: `The extension's background worker did not answer (${errorMessage(err)}). Click Try again; if it still fails, reload the extension.`,
    });
  }
  const env = ReplyEnvelopeSchema.safeParse(raw);
  if (!env.success)
    throw new MessageError({
      code: 'unknown',
      message: `The background worker sent an unexpected answer to "${name}". Reload the extension and try again.`,
    });
  if (!env.data.ok) throw new MessageError(env.data.error);
  const reply = MESSAGES[name].reply.safeParse(env.data.data);
  if (!reply.success)
    throw new MessageError({
      code: 'unknown',
      message: `The background worker's answer to "${name}" was malformed. Reload the extension and try again.`,
    });
  return reply.data as ReplyOf<N>;
}

export type Handler<N extends MessageName> = (
  req: ParsedRequestOf<N>,
  sender: Runtime.MessageSender,
) => Promise<ReplyOf<N>>;
export type HandlerMap = { [N in MessageName]: Handler<N> };

/**
 * Only this extension's own pages (popup, options) are answered: not other extensions, not web
 * pages, not content scripts (which carry a tab and a web URL).
 */
export function isTrustedSender(sender: Runtime.MessageSender, runtimeId: string, extensionOrigin: string): boolean {
  if (sender.id !== runtimeId) return false;
  const url = sender.url ?? '';
  return url.startsWith(extensionOrigin);
}

/** Worker side: validate, dispatch, and wrap the answer (or the error) in an envelope. */
export async function dispatchMessage(
  handlers: HandlerMap,
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<ReplyEnvelope> {
  const env = EnvelopeSchema.safeParse(message);
  // Own keys only: `in` would also accept "toString" and the like, whose missing schema would throw.
  if (!env.success || !Object.hasOwn(MESSAGES, env.data.type)) {
    return { ok: false, error: { code: 'invalid_input', message: 'Unknown message. Reload the extension.' } };
  }
  const name = env.data.type as MessageName;
  const req = MESSAGES[name].request.safeParse(env.data.payload);
  if (!req.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Invalid "${name}" request: ${req.error.issues[0]?.message ?? 'bad shape'}.`,
      },
    };
  }
  try {
    const handler = handlers[name] as Handler<MessageName>;
    const data = await handler(req.data as never, sender);
    return { ok: true, data };
  } catch (err) {
    return { ok: false, error: toErrorInfo(err) };
  }
}

/** Registers the worker's single onMessage listener. Call at the top level of the worker. */
export function registerHandlers(handlers: HandlerMap): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isTrustedSender(sender, browser.runtime.id, browser.runtime.getURL(''))) return undefined;
    return dispatchMessage(handlers, message, sender);
  });
}
