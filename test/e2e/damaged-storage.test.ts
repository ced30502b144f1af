/// <reference types="chrome" />
// Damaged stored wrappers hide nothing and lose nothing, in Chromium with the built extension: a
// collection whose `version` is 'x' still shows its valid postings; the next change sets its
// unreadable entry aside alone, and the options page lists it with Export and Delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchExtension, OptionsPage, type ExtensionBrowser } from './fixtures';

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
}, 60_000);
afterAll(() => closeAll(ext));

const saved = (n: number) => ({
  url: `https://jobs.example/${n}`,
  title: `Job ${n}`,
  company: 'Acme',
  location: '',
  capturedAt: '2026-01-01T00:00:00.000Z',
  entities: { diploma: [], diploma_major: [], experience: [], skills: ['sql'] },
  model: 'm',
  provider: 'openai',
});
const stored = (key: string) => ext.worker.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);

describe('a damaged collection wrapper', () => {
  it('the collection page shows the valid postings; the options page lists the unreadable one with Export and Delete', async () => {
    await ext.worker.evaluate(
      async (items) => void (await chrome.storage.local.set({ collection: { version: 'x', postings: items } })),
      [saved(1), { junk: 'entry' }, saved(2), saved(3)],
    );
    const page = await ext.context.newPage();
    await page.goto(ext.url('src/collection/collection.html'));
    await page.getByTestId('collection-row').first().waitFor();
    expect(await page.getByTestId('collection-row').count()).toBe(3);
    // A change writes the store back clean: the deleted posting goes, the others stay, the bad entry is set aside alone.
    await page
      .locator('[data-testid="collection-row"][data-url="https://jobs.example/3"] [data-testid="delete-row"]')
      .click();
    await expect.poll(() => page.getByTestId('collection-row').count()).toBe(2);
    await page.close();
    expect(await stored('collection')).toMatchObject({
      version: 1,
      postings: [{ url: 'https://jobs.example/1' }, { url: 'https://jobs.example/2' }],
    });
    expect(await stored('collectionSetAside')).toEqual([{ junk: 'entry' }]);

    const o = await OptionsPage.open(ext);
    const group = o.page.locator('[data-testid="set-aside-group"][data-store="collection"]');
    // The list is read after the page renders: wait for it before counting.
    await group.getByTestId('set-aside-item').first().waitFor();
    await expect(group.getByTestId('set-aside-item').count()).resolves.toBe(1);
    await expect(group.getByTestId('set-aside-item').textContent()).resolves.toContain('"junk":"entry"');
    const [download] = await Promise.all([
      o.page.waitForEvent('download'),
      group.getByTestId('set-aside-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('collection-set-aside-1.json');
    await group.getByTestId('set-aside-delete').click();
    await expect.poll(() => o.page.getByTestId('set-aside').count()).toBe(0);
    expect(await stored('collectionSetAside')).toBeUndefined();
    await o.page.close();
  });
});
