// The "extract-text" message (candidate mode's résumé extraction): validated on receipt like every
// message; the reply must be a full extraction result. The worker's handler itself runs in the
// browser test (test/e2e/match.test.ts), against the offline extractor and the test model server.
import { describe, expect, it, vi } from 'vitest';

// webextension-polyfill refuses to load outside an extension; dispatchMessage never touches it.
vi.hoisted(() => {
  (globalThis as Record<string, unknown>).chrome = { runtime: { id: 'test-extension-id' } };
});

import type { Runtime } from 'webextension-polyfill';
import type { ExtractionResult } from '../../src/core/entities';
import { ExtractionError } from '../../src/core/errors';
import { dispatchMessage, MESSAGES, type HandlerMap } from '../../src/shared/messages';

const page: Runtime.MessageSender = {
  id: 'test-extension-id',
  url: 'chrome-extension://test-extension-id/src/profile/profile.html',
};

const RESULT: ExtractionResult = {
  diploma: ['bs'],
  diploma_major: [],
  experience: ['5 years'],
  skills: ['python'],
  meta: { provider: 'local', model: 'offline', finishReason: null, warnings: [] },
};

function handlers(extractText: HandlerMap['extract-text']): HandlerMap {
  return { 'extract-text': extractText } as HandlerMap;
}

describe('extract-text message', () => {
  it('refuses empty or whitespace-only text before any handler runs', async () => {
    const handler = vi.fn();
    for (const payload of [{ text: '' }, { text: '   \n ' }, {}, { text: 42 }]) {
      const reply = await dispatchMessage(handlers(handler), { type: 'extract-text', payload }, page);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes the trimmed text and the title to the handler', async () => {
    const handler = vi.fn(async () => RESULT);
    const reply = await dispatchMessage(
      handlers(handler),
      { type: 'extract-text', payload: { text: '  Skills: Python  ', title: 'Résumé' } },
      page,
    );
    expect(handler).toHaveBeenCalledWith({ text: 'Skills: Python', title: 'Résumé' }, page);
    expect(reply.ok).toBe(true);
  });

  it("carries the handler's error as ErrorInfo (what happened, what to do)", async () => {
    const reply = await dispatchMessage(
      handlers(async () => {
        throw new ExtractionError(
          'host_permission',
          'The extension has no permission to reach example.com. Open the options and click Save.',
        );
      }),
      { type: 'extract-text', payload: { text: 'x' } },
      page,
    );
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'host_permission',
        message: 'The extension has no permission to reach example.com. Open the options and click Save.',
      },
    });
  });

  it('the reply schema is the full extraction result', () => {
    expect(MESSAGES['extract-text'].reply.safeParse({ skills: ['python'] }).success).toBe(false);
  });
});
