/// <reference types="chrome" />
// Cut-off and unreadable answers in the popup, in Chromium with the built extension: a cut-off
// answer shows its values with the "cut off" warning and the raw answer, and is not cached (a
// reopened popup asks again); an answer out of the format is an error with the raw answer, never
// "No diploma, major, experience or skills found".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearExtensionState,
  closeAll,
  OptionsPage,
  PopupPage,
  startTestBed,
  tabIdOf,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';
import type { OpenAIServer } from '../server/openai-server';

const ANSWER =
  " diploma:['bachelor']\ndiploma_major:['computer science']\nexperience:['3 + years']\nskills:['python', 'sql', 'kubernetes', 'terraform', 'postgresql']\n END";
let ext: ExtensionBrowser;
let server: OpenAIServer;
let site: JobSite;

beforeAll(async () => {
  ({ server, site, ext } = await startTestBed({ answer: () => ANSWER }));
}, 60_000);
afterAll(() => closeAll(ext, site, server));

async function openPopup(): Promise<{ popup: PopupPage; close: () => Promise<void> }> {
  const job = await ext.context.newPage();
  await job.goto(site.url('backend-engineer.html'));
  const popup = await PopupPage.open(ext, await tabIdOf(ext, job));
  return { popup, close: async () => (await popup.close(), await job.close()) };
}

describe('answers that are not clean are not shown as clean', () => {
  it('cut off at max tokens: the warning, the raw answer, and no cache entry', async () => {
    expect(await OptionsPage.configure(ext, { baseURL: server.url, model: 'davinci-002' })).toMatch(/^Saved/);
    await ext.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), maxTokens: 16 } });
    });
    await clearExtensionState(ext);
    const { popup, close } = await openPopup();
    expect(await popup.settled()).toBe('done');
    await expect(popup.page.getByTestId('result-warning').allTextContents()).resolves.toEqual([
      "The model's answer was cut off — raise Max tokens in the options",
    ]);
    await popup.page.getByTestId('raw-answer').locator('summary').click();
    await expect(popup.page.getByTestId('raw-answer').locator('pre').textContent()).resolves.toContain(
      "diploma:['bachelor']",
    );
    await close();
    const cache = await ext.worker.evaluate(
      async () => (await chrome.storage.local.get('resultCache')).resultCache as { entries?: object } | undefined,
    );
    expect(Object.keys(cache?.entries ?? {})).toHaveLength(0);
  });

  it('not in the format: an error with the raw answer, not "nothing found"', async () => {
    await ext.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), maxTokens: 512 } });
    });
    server.setAnswer(() => 'Sure! Here is what I think about this posting: it looks great. END');
    await clearExtensionState(ext);
    const { popup, close } = await openPopup();
    expect(await popup.settled()).toBe('error');
    expect(await popup.errorCode()).toBe('bad_answer');
    expect(await popup.errorText()).toMatch(/not in the expected format/);
    await expect(popup.page.getByTestId('nothing-found').count()).resolves.toBe(0);
    await popup.page.getByTestId('raw-answer').locator('summary').click();
    await expect(popup.page.getByTestId('raw-answer').locator('pre').textContent()).resolves.toContain('looks great');
    await close();
    const cache = await ext.worker.evaluate(
      async () => (await chrome.storage.local.get('resultCache')).resultCache as { entries?: object } | undefined,
    );
    expect(Object.keys(cache?.entries ?? {})).toHaveLength(0);
  });
});
