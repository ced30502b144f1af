/// <reference types="chrome" />
// A fresh install with no model configured: the embedded offline extractor answers in the worker,
// nothing goes to the network, and the popup says so. Also: the dark colour scheme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeAll,
  launchExtension,
  PopupPage,
  startJobSite,
  tabIdOf,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';

let ext: ExtensionBrowser;
let site: JobSite;

beforeAll(async () => {
  site = await startJobSite();
  ext = await launchExtension({ colorScheme: 'dark' });
});

afterAll(() => closeAll(ext, site));

describe('no model configured', () => {
  it("shows the offline extractor's chips, labelled, with a hint to configure a model", async () => {
    const requests: string[] = [];
    ext.context.on('request', (r) => {
      if (!r.url().startsWith('chrome-extension://') && !r.url().startsWith(site.origin)) requests.push(r.url());
    });
    const page = await ext.context.newPage();
    await page.goto(site.url('backend-engineer.html'));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
    expect(await popup.settled()).toBe('done');
    const chips = await popup.chips();
    expect(chips.length).toBeGreaterThan(2);
    expect(chips.some((c) => c.type === 'experience' && /5\+?\s*years/i.test(c.text))).toBe(true);
    expect(chips.some((c) => c.type === 'skills')).toBe(true);
    await expect(popup.page.getByTestId('offline-label').textContent()).resolves.toBe('offline extractor');
    await expect(popup.page.getByTestId('offline-hint').isVisible()).resolves.toBe(true);
    const opened = ext.context.waitForEvent('page');
    await popup.page.getByTestId('configure-model').click();
    const options = await opened;
    expect(options.url()).toContain('src/options/options.html');
    await options.close();
    expect(requests).toEqual([]);
    await popup.close();
  });

  it('follows the dark colour scheme', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.url('src/popup/popup.html?tabId=0'));
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(150);
    await page.close();
  });

  it('is readable at 360 px: nothing overflows sideways', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 360, height: 600 });
    const job = await ext.context.newPage();
    await job.goto(site.url('data-analyst.html'));
    await page.goto(ext.url(`src/popup/popup.html?tabId=${await tabIdOf(ext, job)}`));
    await page.waitForSelector('[data-testid="popup"][data-state="done"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Keyboard: the chips and buttons are reachable with Tab.
    const focusable = new Set<string>();
    for (let i = 0; i < 80 && !focusable.has('copy-all'); i++) {
      await page.keyboard.press('Tab');
      focusable.add(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''));
    }
    expect(focusable.has('chip')).toBe(true);
    expect(focusable.has('copy-all')).toBe(true);
    await page.close();
    await job.close();
  });
});
