// Firefox stops an idle background (an event page here) after extensions.background.idle.timeout
// (30 s by default). A request to the model that takes longer must still finish, the way it does in
// Chrome's service worker. The timeout is shortened to 2 s so that an 8 s answer outlives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, startJobSite, type JobSite } from '../e2e/fixtures';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import { FirefoxOptions, FirefoxPopup, launchFirefoxExtension, poll, sleep, type FirefoxExtension } from './fixtures';

const IDLE_TIMEOUT_MS = 2_000;
const ANSWER_DELAY_MS = 8_000;

let ext: FirefoxExtension;
let server: OpenAIServer;
let site: JobSite;

beforeAll(async () => {
  server = await startOpenAIServer({
    delayMs: ANSWER_DELAY_MS,
    answer: () => " diploma:['bs']\n diploma_major:[]\n experience:['3 + years']\n skills:['sql']\n END",
  });
  site = await startJobSite();
  ext = await launchFirefoxExtension({ 'extensions.background.idle.timeout': IDLE_TIMEOUT_MS });
}, 90_000);

afterAll(() => closeAll(ext, site, server));

describe('Firefox: a request longer than the idle timeout', () => {
  it('finishes with the popup closed, and a reopened popup shows it without a second request', async () => {
    const o = await FirefoxOptions.open(ext);
    await o.fill({ baseURL: server.url, model: 'ft:davinci-002:acme:jobs:slow' });
    expect(await o.save()).toBe('Saved.');
    await o.close();
    const { page, tabId } = await ext.openTab(site.url('data-analyst.html'));
    const popup = await FirefoxPopup.open(ext, tabId);
    await poll(
      popup.page,
      () => document.querySelector('[data-testid="popup"]')?.getAttribute('data-state') === 'extracting',
      10_000,
      'extracting',
    );
    // Nobody waits on the background any more: only its own keep-alive can hold it up.
    await popup.close();
    await sleep(ANSWER_DELAY_MS + IDLE_TIMEOUT_MS);
    expect(server.modelRequests().length).toBe(1);
    const job = await ext.inExtension(
      async (id: number) =>
        (await chrome.storage.session.get(`job:${id}`))[`job:${id}`] as { status: string } | undefined,
      tabId,
    );
    expect(job?.status).toBe('done');
    const again = await FirefoxPopup.open(ext, tabId);
    expect(await again.settled()).toBe('done');
    expect(await again.chips()).toContainEqual({ type: 'skills', text: 'SQL' });
    expect(server.modelRequests().length).toBe(1);
    await again.close();
    await page.close();
  });
});
