// The message map: validation on receipt, trusted senders only, errors as ErrorInfo.
import { describe, expect, it, vi } from 'vitest';

// webextension-polyfill refuses to load outside an extension; the functions under test take
// their inputs as parameters and never touch this minimal `chrome`.
vi.hoisted(() => {
  (globalThis as Record<string, unknown>).chrome = { runtime: { id: 'test-extension-id' } };
});

import type { Runtime } from 'webextension-polyfill';
import { z } from 'zod';
import { ExtractionError } from '../../src/core/errors';
import {
  dispatchMessage,
  isTrustedSender,
  JobStateSchema,
  MESSAGES,
  PublicSettingsSchema,
  type HandlerMap,
} from '../../src/shared/messages';

const ORIGIN = 'chrome-extension://test-extension-id/';
const popup: Runtime.MessageSender = { id: 'test-extension-id', url: `${ORIGIN}src/popup/popup.html?tabId=3` };

function handlers(over: Partial<HandlerMap> = {}): HandlerMap {
  const fail = async () => {
    throw new Error('not under test');
  };
  return {
    extract: fail,
    'get-job': async () => null,
    cancel: async () => ({ cancelled: true }),
    'get-settings': fail,
    'save-settings': fail,
    'test-connection': fail,
    'open-options': async () => ({}),
    ...over,
  } as HandlerMap;
}

describe('isTrustedSender', () => {
  it("accepts this extension's pages", () => {
    expect(isTrustedSender(popup, 'test-extension-id', ORIGIN)).toBe(true);
  });
  it('refuses other extensions', () => {
    expect(isTrustedSender({ ...popup, id: 'other' }, 'test-extension-id', ORIGIN)).toBe(false);
  });
  it('refuses content scripts (a web page URL and a tab)', () => {
    expect(
      isTrustedSender(
        { id: 'test-extension-id', url: 'https://evil.example/jobs', tab: { id: 4 } as never },
        'test-extension-id',
        ORIGIN,
      ),
    ).toBe(false);
  });
  it('refuses a sender without URL', () => {
    expect(isTrustedSender({ id: 'test-extension-id' }, 'test-extension-id', ORIGIN)).toBe(false);
  });
});

describe('dispatchMessage', () => {
  it('validates the request and wraps the reply', async () => {
    const seen: unknown[] = [];
    const h = handlers({ cancel: async (req) => (seen.push(req), { cancelled: false }) });
    expect(await dispatchMessage(h, { type: 'cancel', payload: { tabId: 7 } }, popup)).toEqual({
      ok: true,
      data: { cancelled: false },
    });
    expect(seen).toEqual([{ tabId: 7 }]);
  });
  it('refuses unknown message names', async () => {
    const r = await dispatchMessage(handlers(), { type: 'steal-key', payload: {} }, popup);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
  it('refuses names inherited from Object.prototype with an answer, not a thrown error', async () => {
    for (const type of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const r = await dispatchMessage(handlers(), { type, payload: {} }, popup);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
  it('refuses malformed requests before the handler runs', async () => {
    let ran = false;
    const h = handlers({ cancel: async () => ((ran = true), { cancelled: true }) });
    const r = await dispatchMessage(h, { type: 'cancel', payload: { tabId: 'seven' } }, popup);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(ran).toBe(false);
  });
  it('refuses messages that are not envelopes', async () => {
    for (const m of [null, 'extract', 42, { payload: {} }])
      expect((await dispatchMessage(handlers(), m, popup)).ok).toBe(false);
  });
  it('turns thrown errors into ErrorInfo without stacks', async () => {
    const h = handlers({
      extract: async () => {
        throw new ExtractionError('invalid_key', 'The API key was refused (401). Check it in the options.', {
          status: 401,
        });
      },
    });
    const r = await dispatchMessage(h, { type: 'extract', payload: { tabId: 1 } }, popup);
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid_key', message: 'The API key was refused (401). Check it in the options.', status: 401 },
    });
  });
});

describe('schemas', () => {
  it('public settings never carry the key', () => {
    expect(Object.keys(PublicSettingsSchema.shape)).not.toContain('apiKey');
    expect(PublicSettingsSchema.shape.hasKey).toBeDefined();
  });
  it('no reply schema has an apiKey field', () => {
    for (const [name, m] of Object.entries(MESSAGES)) {
      const json = JSON.stringify(z.toJSONSchema(m.reply, { unrepresentable: 'any' }));
      expect(json.length, name).toBeGreaterThan(2);
      expect(json, name).not.toContain('apiKey');
    }
  });
  it('a job state round-trips', () => {
    const job = {
      id: 'a',
      tabId: 1,
      url: 'https://x',
      status: 'extracting',
      startedAt: 1,
      provider: 'openai',
      model: 'm',
    };
    expect(JobStateSchema.parse(job)).toEqual(job);
  });
});
