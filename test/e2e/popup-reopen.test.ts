/// <reference types="chrome" />
// A popup reopened while the model is still answering shows the running extraction with its
// Cancel button at once (not "Reading the posting…" with no way to stop it until the answer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeAll,
  OptionsPage,
  PopupPage,
  startTestBed,
  tabIdOf,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';
import type { OpenAIServer } from '../server/openai-server';

let ext: ExtensionBrowser;
let server: OpenAIServer;
let site: JobSite;

beforeAll(async () => {
  ({ server, site, ext } = await startTestBed({ answer: () => " skills:['sql']\n END", delayMs: 8_000 }));
  expect(await OptionsPage.configure(ext, { baseURL: server.url, model: 'davinci-002' })).toMatch(/^Saved/);
}, 60_000);
afterAll(() => closeAll(ext, site, server));

describe('a popup reopened mid-request', () => {
  it('shows the running extraction with Cancel, and Cancel stops it', async () => {
    const job = await ext.context.newPage();
    await job.goto(site.url('backend-engineer.html'));
    const tabId = await tabIdOf(ext, job);
    const first = await PopupPage.open(ext, tabId);
    await first.page.getByTestId('cancel').waitFor({ timeout: 5_000 });
    await first.close();
    const again = await PopupPage.open(ext, tabId);
    await again.page.getByTestId('cancel').waitFor({ timeout: 2_000 });
    await again.page.getByTestId('cancel').click();
    expect(await again.settled()).toBe('error');
    expect(await again.errorCode()).toBe('cancelled');
    await again.close();
    await job.close();
  });
});
