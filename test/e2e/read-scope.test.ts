/// <reference types="chrome" />
// What the popup read of a posting: "Read: What you'll do, Requirements, Nice to have (3 of 7
// sections)", and "Read the whole posting" re-extracting that posting with scope whole (cached apart,
// remembered for the posting, and switchable back). The model server names what its prompt holds,
// so the chips show which part was read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../shared';
import type { OpenAIServer } from '../server/openai-server';
import {
  closeAll,
  OptionsPage,
  PopupPage,
  startFixturePages,
  startTestBed,
  tabIdOf,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';

const KEY = 'sk-test-read-scope';
const MODEL = 'ft:davinci-002:acme:jobs:scope1';

let ext: ExtensionBrowser;
let server: OpenAIServer;
let site: JobSite;

beforeAll(async () => {
  ({ server, site, ext } = await startTestBed(
    {
      apiKey: KEY,
      answer: (req) => {
        // 'forecasting' is only in the company blurb: a model answers it only when the whole posting is read.
        // (A benefit such as 'dental' would not do: the type sanity drops benefits from any answer.)
        const skills = [/python/i.test(req.prompt) && "'python'", /forecasting/i.test(req.prompt) && "'forecasting'"]
          .filter(Boolean)
          .join(', ');
        return ` skills:[${skills}]\n END`;
      },
    },
    () => startFixturePages(fixturePath('sections')),
  ));
  await OptionsPage.configure(ext, { baseURL: server.url, apiKey: KEY, model: MODEL });
});

afterAll(() => closeAll(ext, site, server));

const prompts = (from: number) =>
  server
    .modelRequests()
    .slice(from)
    .map((r) => String((r.body as { prompt?: string }).prompt ?? ''));
const chipTexts = async (popup: PopupPage) => (await popup.chips()).map((c) => c.text.toLowerCase()).sort();

describe('the popup says what was read', () => {
  it('reads the requirement-like sections, then the whole posting in one click, then back', async () => {
    const page = await ext.context.newPage();
    await page.goto(site.url('en.html'));
    const tabId = await tabIdOf(ext, page);
    let n = server.modelRequests().length;
    let popup = await PopupPage.open(ext, tabId);
    expect(await popup.settled()).toBe('done');
    const line = popup.page.getByTestId('read-scope');
    await expect(line.getAttribute('data-scope')).resolves.toBe('focused');
    await expect(popup.page.getByTestId('read-scope-text').textContent()).resolves.toBe(
      "Read: What you'll do, Requirements, Nice to have (3 of 7 sections)",
    );
    expect(await chipTexts(popup)).toEqual(['python']);
    expect(prompts(n)).toHaveLength(1);
    expect(prompts(n)[0]).not.toMatch(/dental|forecasting|equal opportunity/i);

    // One click: the same posting read whole.
    n = server.modelRequests().length;
    await popup.page.getByTestId('read-whole').click();
    await popup.page.locator('[data-testid="read-scope"][data-scope="whole"]').waitFor();
    expect(await popup.settled()).toBe('done');
    await expect(popup.page.getByTestId('read-scope-text').textContent()).resolves.toBe(
      'Read: the whole posting (7 sections)',
    );
    expect(await chipTexts(popup)).toEqual(['forecasting', 'python']);
    expect(prompts(n)).toHaveLength(1);
    expect(prompts(n)[0]).toMatch(/Dental and vision insurance/);
    await popup.close();

    // Reopened, the popup shows the posting as the user chose to read it, from the job kept for the tab.
    n = server.modelRequests().length;
    popup = await PopupPage.open(ext, tabId);
    expect(await popup.settled()).toBe('done');
    await popup.page.locator('[data-testid="read-scope"][data-scope="whole"]').waitFor();
    expect(await chipTexts(popup)).toEqual(['forecasting', 'python']);

    // Back to what the job asks for: answered from the cache (the two scopes are cached apart).
    await popup.page.getByTestId('read-focused').click();
    await popup.page.locator('[data-testid="read-scope"][data-scope="focused"]').waitFor();
    expect(await popup.settled()).toBe('done');
    expect(await chipTexts(popup)).toEqual(['python']);
    await expect(popup.page.getByTestId('from-cache').isVisible()).resolves.toBe(true);
    expect(prompts(n)).toHaveLength(0);
    await popup.close();
    await page.close();
  });

  it("the options page's scope setting makes every posting read whole", async () => {
    const notice = await OptionsPage.configure(ext, { scope: 'whole' });
    expect(notice).toBe('Saved.');
    const stored = await ext.worker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown>,
    );
    expect(stored).toMatchObject({ scope: 'whole' });
    const page = await ext.context.newPage();
    await page.goto(site.url('es.html'));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
    expect(await popup.settled()).toBe('done');
    await expect(popup.page.getByTestId('read-scope').getAttribute('data-scope')).resolves.toBe('whole');
    await expect(popup.page.getByTestId('read-focused').isVisible()).resolves.toBe(true);
    await popup.close();
    await page.close();
    await OptionsPage.configure(ext, { scope: 'focused' });
  });
});
