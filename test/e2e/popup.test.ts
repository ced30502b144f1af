/// <reference types="chrome" />
// The product's main path in real Chromium: options -> popup -> worker -> openai SDK -> the
// project's OpenAI-compatible test server on 127.0.0.1, and back as chips.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupForDisplay } from '../../src/core/display';
import { ENTITY_LABELS, ENTITY_TYPES, type Entities } from '../../src/core/entities';
import { PROJECT_DIR } from '../shared';
import type { OpenAIServer } from '../server/openai-server';
import {
  chooseMenuItem,
  clearExtensionState,
  closeAll,
  OptionsPage,
  PopupPage,
  startTestBed,
  tabIdOf,
  type Chip,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';

const KEY = 'sk-test-e2e-0123456789';
const MODEL = 'ft:davinci-002:tidewater:jobs:abc123';

/** What the "fine-tuned model" answers, in the seed's completion format (repeats included). */
const ANSWER: Entities = {
  diploma: ['bs', 'ms'],
  diploma_major: ['computer science'],
  experience: ['5 + years'],
  skills: ['go', 'python', 'kubernetes', 'postgresql', 'kafka', 'highly available', 'python', 'c #'],
};
const COMPLETION =
  ' ' + ENTITY_TYPES.map((t) => `${t}:[${ANSWER[t].map((v) => `'${v}'`).join(', ')}]`).join('\n ') + '\n END';

function expectedChips(e: Entities): Chip[] {
  return ENTITY_TYPES.flatMap((t) => groupForDisplay(e[t]).map((g) => ({ type: t, text: g.display })));
}

let ext: ExtensionBrowser;
let server: OpenAIServer;
let site: JobSite;

beforeAll(async () => {
  ({ server, site, ext } = await startTestBed({ apiKey: KEY, answer: () => COMPLETION }));
});

afterAll(() => closeAll(ext, site, server));

async function openJob(file: string) {
  const page = await ext.context.newPage();
  await page.goto(site.url(file));
  return { page, tabId: await tabIdOf(ext, page) };
}

describe('popup with a fine-tuned model on an OpenAI-compatible server', () => {
  it('the options page saves the server, key and model', async () => {
    const notice = await OptionsPage.configure(ext, { baseURL: server.url, apiKey: KEY, model: MODEL, mode: 'auto' });
    expect(notice).toBe('Saved.');
    const stored = await ext.worker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown>,
    );
    expect(stored).toMatchObject({ baseURL: server.url, apiKey: KEY, model: MODEL, mode: 'auto' });
    // Reopened, the page shows that a key is saved but never the key itself.
    const o = await OptionsPage.open(ext);
    await expect(o.page.getByTestId('base-url').inputValue()).resolves.toBe(server.url);
    await expect(o.page.getByTestId('api-key').inputValue()).resolves.toBe('');
    expect(await o.page.content()).not.toContain(KEY);
    await o.page.close();
  });

  it('test connection reports success', async () => {
    const o = await OptionsPage.open(ext);
    expect(await o.testConnection()).toMatch(/^Connected/);
    await o.page.close();
  });

  it("chips equal the server's answer, grouped, in display form, with counts", async () => {
    const { tabId } = await openJob('backend-engineer.html');
    const before = server.modelRequests().length;
    const popup = await PopupPage.open(ext, tabId);
    expect(await popup.settled()).toBe('done');
    expect(await popup.chips()).toEqual(expectedChips(ANSWER));
    expect(server.modelRequests().length).toBe(before + 1);
    const req = server.modelRequests().at(-1)!;
    expect(req.path).toBe('/v1/completions');
    expect(req.apiKey).toBe(KEY);
    expect(String((req.body as { prompt: string }).prompt)).toMatch(
      /Tidewater Logistics moves containers[\s\S]*\n\n###\n\n$/,
    );
    // Header: posting, where its text came from, which model answered.
    await expect(popup.page.getByTestId('posting-title').textContent()).resolves.toBe('Senior Backend Engineer');
    await expect(popup.page.getByTestId('posting-facts').textContent()).resolves.toContain('Tidewater Logistics');
    await expect(popup.page.getByTestId('posting-source').textContent()).resolves.toMatch(/JSON-LD/);
    await expect(popup.page.getByTestId('answered-by').textContent()).resolves.toBe(MODEL);
    // "python" appears twice in the answer: one chip with a count.
    const python = popup.page.locator('.chip-wrap', {
      has: popup.page.getByTestId('chip').filter({ hasText: /^Python$/i }),
    });
    await expect(python.getByTestId('chip-count').locator('[aria-hidden="true"]').textContent()).resolves.toBe('×2');
    await expect(python.getByTestId('chip-count').textContent()).resolves.toContain('found 2 times');
    // The README's picture.
    mkdirSync(join(PROJECT_DIR, 'docs'), { recursive: true });
    await popup.page.setViewportSize({ width: 400, height: 900 });
    await popup.page.getByTestId('popup').screenshot({ path: join(PROJECT_DIR, 'docs', 'popup.png') });
    await popup.close();
  });

  it('"Copy all" puts every entity on the clipboard, one type per line', async () => {
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { tabId } = await openJob('backend-engineer.html');
    const popup = await PopupPage.open(ext, tabId);
    expect(await popup.settled()).toBe('done');
    const text = await popup.copyAll();
    const lines = ENTITY_TYPES.map(
      (t) =>
        `${ENTITY_LABELS[t]}: ${groupForDisplay(ANSWER[t])
          .map((g) => g.display)
          .join(', ')}`,
    );
    expect(text).toBe(lines.join('\n'));
    // A chip copies its own value.
    await popup.page.getByTestId('chip').first().click();
    await popup.page.getByTestId('copied').filter({ hasText: 'Copied' }).waitFor();
    expect(await popup.page.evaluate(() => navigator.clipboard.readText())).toBe(expectedChips(ANSWER)[0].text);
    await popup.close();
  });

  it('reopening the popup on the same posting makes no second request', async () => {
    const { tabId } = await openJob('backend-engineer.html');
    const first = await PopupPage.open(ext, tabId);
    expect(await first.settled()).toBe('done');
    await first.close();
    const before = server.modelRequests().length;
    const again = await PopupPage.open(ext, tabId);
    expect(await again.settled()).toBe('done');
    expect(await again.chips()).toEqual(expectedChips(ANSWER));
    await again.close();
    // Even with the session state gone (browser restarted), the URL finds the stored result.
    await ext.worker.evaluate(() => chrome.storage.session.clear());
    const third = await PopupPage.open(ext, tabId);
    expect(await third.settled()).toBe('done');
    await expect(third.page.getByTestId('from-cache').count()).resolves.toBe(1);
    await third.close();
    expect(server.modelRequests().length).toBe(before);
  });

  it('"Re-extract" bypasses the cache', async () => {
    const { tabId } = await openJob('backend-engineer.html');
    const popup = await PopupPage.open(ext, tabId);
    expect(await popup.settled()).toBe('done');
    const before = server.modelRequests().length;
    await popup.reextract();
    await expect.poll(() => server.modelRequests().length).toBe(before + 1);
    expect(await popup.settled()).toBe('done');
    expect(await popup.chips()).toEqual(expectedChips(ANSWER));
    await popup.close();
  });

  it('closing the popup mid-request loses nothing: reopened, it shows the result without a second request', async () => {
    await clearExtensionState(ext);
    server.setBehavior(MODEL, { delayMs: 1_500 });
    try {
      const { tabId } = await openJob('data-analyst.html');
      const before = server.modelRequests().length;
      const popup = await PopupPage.open(ext, tabId);
      await popup.page.getByTestId('progress').filter({ hasText: MODEL }).waitFor();
      await popup.close();
      const again = await PopupPage.open(ext, tabId);
      expect(await again.settled()).toBe('done');
      expect(await again.chips()).toEqual(expectedChips(ANSWER));
      expect(server.modelRequests().length).toBe(before + 1);
      await again.close();
    } finally {
      server.setBehavior(MODEL, undefined);
    }
  });

  it('Cancel aborts the request', async () => {
    await clearExtensionState(ext);
    server.setBehavior(MODEL, { delayMs: 10_000 });
    try {
      const { tabId } = await openJob('data-analyst.html');
      const popup = await PopupPage.open(ext, tabId);
      await popup.page.getByTestId('cancel').click();
      expect(await popup.settled()).toBe('error');
      expect(await popup.errorCode()).toBe('cancelled');
      expect(await popup.errorText()).toMatch(/Cancelled/);
      await popup.close();
    } finally {
      server.setBehavior(MODEL, undefined);
    }
  });

  it('a bad key shows its message and a button to the settings', async () => {
    await OptionsPage.configure(ext, { apiKey: 'sk-wrong-key-000000' });
    const { tabId } = await openJob('backend-engineer.html');
    const popup = await PopupPage.open(ext, tabId);
    await popup.settled();
    await popup.reextract(); // the cached result does not depend on the key
    await popup.page.waitForSelector('[data-testid="popup"][data-state="error"]');
    expect(await popup.errorCode()).toBe('invalid_key');
    expect(await popup.errorText()).toMatch(/key/i);
    await expect(popup.page.getByTestId('open-settings').isVisible()).resolves.toBe(true);
    const opened = ext.context.waitForEvent('page');
    await popup.page.getByTestId('open-settings').click();
    expect((await opened).url()).toContain('src/options/options.html');
    await popup.close();
    await OptionsPage.configure(ext, { apiKey: KEY });
  });

  it('an unreachable server shows its message', async () => {
    // A port nothing listens on.
    await OptionsPage.configure(ext, { baseURL: 'http://127.0.0.1:9/v1' });
    try {
      const { tabId } = await openJob('backend-engineer.html');
      const popup = await PopupPage.open(ext, tabId);
      expect(await popup.settled(40_000)).toBe('error');
      expect(await popup.errorCode()).toBe('unreachable');
      expect(await popup.errorText()).toMatch(/127\.0\.0\.1|reach|connect/i);
      await expect(popup.page.getByTestId('open-settings').isVisible()).resolves.toBe(true);
      await popup.close();
    } finally {
      await OptionsPage.configure(ext, { baseURL: server.url, apiKey: KEY });
    }
  });

  it('a page that holds no posting says so', async () => {
    const { tabId } = await openJob('not-a-posting.html');
    const popup = await PopupPage.open(ext, tabId);
    expect(await popup.settled()).toBe('error');
    expect(await popup.errorCode()).toBe('no_posting');
    await popup.close();
  });

  it('"Extract entities from selection" extracts the selected text only', async () => {
    const { page, tabId } = await openJob('data-analyst.html');
    const selected = "Requirements: Bachelor's degree in statistics. 2+ years of experience. Strong SQL and Excel.";
    // What the context-menu click stores before it opens the popup window.
    await ext.worker.evaluate(([id, text]) => chrome.storage.session.set({ [`selection:${id}`]: text }), [
      tabId,
      selected,
    ] as const);
    const before = server.modelRequests().length;
    const popup = await PopupPage.open(ext, tabId, '&selection=1');
    expect(await popup.settled()).toBe('done');
    await expect(popup.page.getByTestId('posting-source').textContent()).resolves.toMatch(/your selection/);
    const req = server.modelRequests().at(-1)!;
    expect(server.modelRequests().length).toBe(before + 1);
    expect(String((req.body as { prompt: string }).prompt)).toContain('Strong SQL and Excel');
    expect(String((req.body as { prompt: string }).prompt)).not.toContain('forty thousand patients');
    await popup.close();
    await page.close();
  });

  it('"Open in a window" opens the popup for the same tab', async () => {
    const { tabId } = await openJob('backend-engineer.html');
    const popup = await PopupPage.open(ext, tabId);
    await popup.settled();
    // The page under test was opened with ?tabId (already detached): the button is for the toolbar popup.
    await popup.page.getByTestId('more-menu').click();
    await expect(popup.page.getByTestId('open-window').count()).resolves.toBe(0);
    await popup.close();
    const toolbar = await ext.context.newPage();
    await toolbar.goto(ext.url('src/popup/popup.html'));
    const opened = ext.context.waitForEvent('page');
    await chooseMenuItem(toolbar, 'more-menu', 'open-window');
    const win = await opened;
    expect(win.url()).toMatch(/src\/popup\/popup\.html\?tabId=\d+$/);
    await win.close();
  });
});
