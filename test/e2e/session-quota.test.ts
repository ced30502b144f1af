/// <reference types="chrome" />
// A full storage.session never hides a finished result: with the session quota used up (as large
// postings in other tabs once did), an extraction still ends with its chips in the popup.
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

const ANSWER = " skills:['python', 'sql']\n END";
let ext: ExtensionBrowser;
let server: OpenAIServer;
let site: JobSite;

beforeAll(async () => {
  ({ server, site, ext } = await startTestBed({ answer: () => ANSWER }));
}, 60_000);
afterAll(() => closeAll(ext, site, server));

describe('storage.session full', () => {
  it('the finished result is shown although no job state could be written', async () => {
    expect(await OptionsPage.configure(ext, { baseURL: server.url, model: 'davinci-002' })).toMatch(/^Saved/);
    const filled = await ext.worker.evaluate(async () => {
      let n = 0;
      for (const size of [1_000_000, 100_000, 10_000, 1_000, 100]) {
        const chunk = 'x'.repeat(size);
        for (;;) {
          try {
            await chrome.storage.session.set({ [`fill:${n++}`]: chunk });
          } catch {
            break;
          }
        }
      }
      return n;
    });
    expect(filled).toBeGreaterThan(5);
    const job = await ext.context.newPage();
    await job.goto(site.url('backend-engineer.html'));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, job));
    expect(await popup.settled()).toBe('done');
    expect((await popup.chips()).map((c) => c.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/python/i)]),
    );
    await popup.close();
    await job.close();
  });
});
