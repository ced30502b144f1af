// captureTab's answers for pages the extension may not read. Firefox does not throw on its own
// privileged pages (about:preferences, about:addons, reader view...): scripting.executeScript
// resolves with [null] there, which must read "cannot read this page", not "reload and try again".
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ results: [] as unknown[], errors: [] as (Error | undefined)[] }));
vi.mock('webextension-polyfill', () => ({
  default: {
    scripting: {
      executeScript: async () => {
        const err = calls.errors.shift();
        if (err) throw err;
        return calls.results.shift();
      },
    },
  },
}));

import { captureTab } from '../../src/background/capture-tab';
import { ExtractionError } from '../../src/core/errors';

const POSTING = {
  url: 'https://jobs.example.com/1',
  title: 'Engineer',
  company: '',
  location: '',
  text: 'We need 5+ years of Python.',
  source: 'readability',
  site: 'generic',
};

async function failure(p: Promise<unknown>): Promise<ExtractionError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ExtractionError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

beforeEach(() => {
  calls.results = [];
  calls.errors = [];
});

describe('captureTab', () => {
  it('a privileged Firefox page ([null] from executeScript) cannot be read', async () => {
    calls.results = [[null], [null]];
    const e = await failure(captureTab(1, undefined, false));
    expect(e.code).toBe('no_posting');
    expect(e.message).toMatch(/cannot read this page/);
    expect(e.message).not.toMatch(/Reload the page/);
  });

  it("Chrome's refusal (an error) cannot be read either", async () => {
    calls.errors = [new Error('Cannot access contents of url "chrome://settings/".')];
    const e = await failure(captureTab(1, undefined, false));
    expect(e.message).toMatch(/cannot read this page/);
  });

  it('a readable page gives its posting', async () => {
    calls.results = [[{ result: true }], [{ result: { ok: true, posting: POSTING } }]];
    const posting = await captureTab(1, undefined, false);
    expect(posting.text).toBe(POSTING.text);
  });

  it('a script that gave no answer on a readable page asks for a reload', async () => {
    calls.results = [[{ result: true }], [{ result: undefined }]];
    const e = await failure(captureTab(1, undefined, false));
    expect(e.message).toMatch(/Reload the page/);
  });
});
