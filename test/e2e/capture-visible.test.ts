/// <reference types="chrome" />
// What the capture sends is what the user can see, and no more than a cap without asking: in
// Chromium with the built extension, text hidden by CSS, attributes, zero size or an off-screen
// clip never reaches the model; a posting longer than the cap (60,000 characters by default) is
// cut, the popup says how much, and "Send all (N requests)" sends the whole text.
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

let ext: ExtensionBrowser;
let server: OpenAIServer;
let site: JobSite;

beforeAll(async () => {
  ({ server, site, ext } = await startTestBed({ answer: () => " skills:['sql']\n END" }));
  expect(await OptionsPage.configure(ext, { baseURL: server.url, model: 'davinci-002' })).toMatch(/^Saved/);
}, 60_000);
afterAll(() => closeAll(ext, site, server));

const promptsSince = (n: number) =>
  server
    .modelRequests()
    .slice(n)
    .map((r) => JSON.stringify(r.body));

describe('the capture reads what the user sees', () => {
  it('hidden text never reaches the model', async () => {
    await clearExtensionState(ext);
    const before = server.modelRequests().length;
    const job = await ext.context.newPage();
    await job.goto(site.url('hidden-text.html'));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, job));
    const state = await popup.settled();
    expect(state === 'done' ? '' : await popup.errorText()).toBe('');
    await popup.close();
    await job.close();
    const sent = promptsSince(before).join('\n');
    expect(sent).toContain('Fluency in SQL and Python');
    expect(sent).toContain('Apply by sending your CV');
    expect(sent).not.toMatch(/HIDDEN-/);
  });
});

describe('a text cap', () => {
  it('a long posting is cut at 60,000 characters; the popup says so and offers Send all', async () => {
    await clearExtensionState(ext);
    const para = (i: number) =>
      `<p>Part ${i} of the role: you will design and run data pipelines, and we expect experience with distributed systems, SQL and Python in production.</p>`;
    const body = `<!doctype html><html><head><title>Senior Data Engineer — Huge Corp</title></head><body><main><h1>Senior Data Engineer</h1><section class="description">${Array.from({ length: 1500 }, (_, i) => para(i)).join('')}</section></main></body></html>`;
    const url = site.url('huge.html');
    await ext.context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
    );
    const before = server.modelRequests().length;
    const job = await ext.context.newPage();
    await job.goto(url);
    const popup = await PopupPage.open(ext, await tabIdOf(ext, job));
    expect(await popup.settled()).toBe('done');
    const notice = popup.page.getByTestId('text-cut');
    const said = (await notice.textContent()) ?? '';
    const m = /the first ([\d,]+) of ([\d,]+) characters were read \(([\d,]+) cut\)/.exec(said);
    const [kept, total] = [Number(m?.[1].replace(/,/g, '')), Number(m?.[2].replace(/,/g, ''))];
    expect(kept).toBeLessThanOrEqual(60_000);
    expect(kept).toBeGreaterThan(55_000);
    expect(total).toBeGreaterThan(200_000);
    const sentCut = promptsSince(before).join('').length;
    expect(sentCut).toBeLessThan(70_000);
    const sendAll = popup.page.getByTestId('send-all');
    const label = (await sendAll.textContent()) ?? '';
    const n = Number(/Send all \((\d+) requests?\)/.exec(label)?.[1]);
    expect(n).toBeGreaterThan(1);
    const mid = server.modelRequests().length;
    await sendAll.click();
    await expect.poll(() => server.modelRequests().length - mid, { timeout: 30_000 }).toBe(n);
    await popup.page.waitForSelector('[data-testid="popup"][data-state="done"]');
    await expect.poll(() => popup.page.getByTestId('text-cut').count()).toBe(0);
    await popup.close();
    await job.close();
  });
});
