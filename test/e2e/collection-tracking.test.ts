/// <reference types="chrome" />
// The collection as a working list in real Chromium: export of what the filters show ("Exported 3
// of 7") and of everything, a status and notes per row (kept across reloads and in the backup),
// compact cells ("+N more"), no word broken at a phone's width, focus after a delete, and "Add all
// open job tabs" over pages served on 127.0.0.1 (with its Cancel).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES, type Entities } from '../../src/core/entities';
import { COLLECTION_HEADER, parseBackup, type SavedPostingInput } from '../../src/core/export/collection';
import { parseDelimited } from '../../src/core/export/delimited';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import {
  clearExtensionState,
  closeAll,
  launchExtension,
  OptionsPage,
  PopupPage,
  PROJECT_DIR,
  startFixturePages,
  startJobSite,
  tabIdOf,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';

const none: Entities = { diploma: [], diploma_major: [], experience: [], skills: [] };

function posting(
  n: number,
  title: string,
  skills: string[],
  extra: Partial<SavedPostingInput> = {},
): SavedPostingInput {
  return {
    url: `https://jobs.example/${n}`,
    title,
    company: `Company ${n}`,
    location: 'Lyon',
    capturedAt: new Date(Date.UTC(2026, 10, 1 + n)).toISOString(),
    entities: {
      ...none,
      diploma: n % 2 ? ['bs'] : ['master'],
      diploma_major: n % 3 ? ['computer science'] : ['statistics', 'mathematics'],
      experience: [`${n} + years`],
      skills,
    },
    model: 'local',
    provider: 'local',
    ...extra,
  };
}

// Seven rows; three ask for Python. Row 1 is stored as an older version wrote it (no status, no notes).
const SEED: SavedPostingInput[] = [
  posting(1, 'Data Engineer', ['python', 'sql', 'kubernetes', 'terraform', 'airflow', 'spark']),
  posting(2, 'Backend Developer', ['java', 'kotlin'], { status: 'Applied', notes: 'Referred by Kim' }),
  posting(3, 'Data Analyst', ['python', 'excel']),
  posting(4, 'Frontend Engineer', ['typescript', 'react']),
  posting(5, 'ML Engineer', ['python', 'pytorch']),
  posting(6, 'Site Reliability Engineer', ['go', 'kubernetes']),
  posting(7, 'Platform Engineer', ['terraform', 'kubernetes']),
];

let ext: ExtensionBrowser;

async function seed(postings: SavedPostingInput[] = SEED): Promise<void> {
  await ext.worker.evaluate(async (p) => {
    const old = p.map(({ status, notes, ...rest }, i) => (i === 0 ? rest : { ...rest, status, notes }));
    await chrome.storage.local.set({ collection: { version: 1, postings: old } });
  }, postings);
}

async function openCollection(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('src/collection/collection.html'));
  await page.getByTestId('collection-count').filter({ hasNotText: 'Loading' }).waitFor();
  return page;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, text: readFileSync(await download.path(), 'utf8') };
}

const notice = (page: Page) => page.getByTestId('collection-notice');
const rowOf = (page: Page, title: string) =>
  page.getByTestId('collection-row').filter({ has: page.getByTestId('row-title').getByText(title, { exact: true }) });

describe('collection as a working list', () => {
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(() => closeAll(ext));

  it('exports what the filters show and says so ("Exported 3 of 7"); "Export all" exports every row', async () => {
    await seed();
    const page = await openCollection();
    await expect.poll(() => page.getByTestId('collection-row').count()).toBe(7);
    await page.getByTestId('skill-filter').fill('Python');
    await expect.poll(() => page.getByTestId('collection-row').count()).toBe(3);
    await expect(page.getByTestId('export-shown-label').textContent()).resolves.toBe('Export the 3 shown:');

    const csv = await downloaded(page, () => page.getByTestId('export-csv').click());
    await notice(page).filter({ hasText: 'Exported 3 of 7' }).waitFor();
    const rows = parseDelimited(csv.text);
    expect(rows[0]).toEqual([...COLLECTION_HEADER]);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['Data Analyst', 'Data Engineer', 'ML Engineer']);

    const json = await downloaded(page, () => page.getByTestId('export-json').click());
    const backup = parseBackup(json.text);
    expect(backup.ok && backup.postings.length).toBe(3);

    const all = await downloaded(page, () => page.getByTestId('export-all-csv').click());
    await notice(page).filter({ hasText: 'Exported 7 postings as CSV' }).waitFor();
    expect(parseDelimited(all.text)).toHaveLength(8);
    const allTsv = await downloaded(page, () => page.getByTestId('export-all-tsv').click());
    expect(parseDelimited(allTsv.text, '\t')).toHaveLength(8);
    await page.close();
  });

  it('status and notes are saved with the row, survive a reload, filter, and go through backup and restore', async () => {
    await seed();
    const page = await openCollection();
    // The row stored without status reads as New; the other keeps its own.
    await expect(rowOf(page, 'Data Engineer').getByTestId('row-status').inputValue()).resolves.toBe('New');
    await expect(rowOf(page, 'Backend Developer').getByTestId('row-notes').inputValue()).resolves.toBe(
      'Referred by Kim',
    );

    await rowOf(page, 'Data Analyst').getByTestId('row-status').selectOption('Interview');
    const notes = rowOf(page, 'Data Analyst').getByTestId('row-notes');
    await notes.fill('Call on Tuesday, 10:00');
    await notes.press('Tab');
    const stored = async () =>
      ext.worker.evaluate(async () =>
        (
          (await chrome.storage.local.get('collection')).collection as {
            postings: { url: string; status?: string; notes?: string }[];
          }
        ).postings.find((p) => p.url.endsWith('/3')),
      );
    await expect.poll(stored).toMatchObject({ status: 'Interview', notes: 'Call on Tuesday, 10:00' });

    await page.reload();
    await expect.poll(() => page.getByTestId('collection-row').count()).toBe(7);
    await expect(rowOf(page, 'Data Analyst').getByTestId('row-status').inputValue()).resolves.toBe('Interview');
    await expect(rowOf(page, 'Data Analyst').getByTestId('row-notes').inputValue()).resolves.toBe(
      'Call on Tuesday, 10:00',
    );

    // The README's picture: the dark scheme, a few statuses and notes, one cell expanded.
    await rowOf(page, 'ML Engineer').getByTestId('row-status').selectOption('Contacted');
    await rowOf(page, 'Platform Engineer').getByTestId('row-status').selectOption('Rejected');
    await rowOf(page, 'Data Engineer').getByTestId('cell-more').click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1440, height: 860 });
    mkdirSync(join(PROJECT_DIR, 'docs'), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(PROJECT_DIR, 'docs', 'collection.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByTestId('status-filter').selectOption('Interview');
    expect(await page.getByTestId('row-title').allTextContents()).toEqual(['Data Analyst']);
    await page.getByTestId('clear-filters').click();

    // Backup, delete, restore: status and notes come back with the row.
    const backup = (await downloaded(page, () => page.getByTestId('export-all-json').click())).text;
    expect(JSON.parse(backup).version).toBe(2);
    await rowOf(page, 'Data Analyst').getByTestId('delete-row').click();
    await expect.poll(() => page.getByTestId('collection-row').count()).toBe(6);
    await page
      .getByTestId('import-json')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await notice(page).filter({ hasText: '1 new, 6 updated' }).waitFor();
    await expect.poll(() => rowOf(page, 'Data Analyst').getByTestId('row-status').inputValue()).toBe('Interview');
    await expect(rowOf(page, 'Data Analyst').getByTestId('row-notes').inputValue()).resolves.toBe(
      'Call on Tuesday, 10:00',
    );
    await page.close();
  });

  it('cells show their first values and "+N more", which expands and folds', async () => {
    await seed();
    const page = await openCollection();
    const cell = rowOf(page, 'Data Engineer').getByTestId('row-skills');
    await expect(cell.getByTestId('cell-value').allTextContents()).resolves.toEqual(['Python', 'SQL', 'Kubernetes']);
    const more = cell.getByTestId('cell-more');
    await expect(more.textContent()).resolves.toMatch(/^\+3 more/);
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    await expect(cell.getByTestId('cell-value').count()).resolves.toBe(6);
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await more.click();
    await expect(cell.getByTestId('cell-value').count()).resolves.toBe(3);
    // Two values: no "more" button.
    await expect(rowOf(page, 'Data Analyst').getByTestId('cell-more').count()).resolves.toBe(0);
    await page.close();
  });

  it('at 375 px no word breaks inside and the table scrolls sideways, not the page', async () => {
    await seed();
    const page = await openCollection();
    await page.setViewportSize({ width: 375, height: 700 });
    await rowOf(page, 'Data Engineer').getByTestId('cell-more').click();
    const broken = await page.evaluate(() => {
      const out: string[] = [];
      for (const cell of document.querySelectorAll(
        '[data-testid="collection-table"] td, [data-testid="collection-table"] th',
      )) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent ?? '';
          for (const m of text.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(n, m.index!);
            range.setEnd(n, m.index! + m[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            // The title may be a bare URL: it alone may wrap where it must.
            if (lines.size > 1 && !cell.classList.contains('title-cell')) out.push(m[0]);
          }
        }
      }
      return out;
    });
    expect(broken).toEqual([]);
    const sizes = await page.evaluate(() => {
      const wrap = document.querySelector('.table-wrap')!;
      return {
        wrap: wrap.scrollWidth - wrap.clientWidth,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    if (sizes.page > 0) {
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body, main, main *')]
          .filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !e.parentElement?.closest('.table-wrap'))
          .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
          .slice(0, 8),
      );
      throw new Error(`wider than the window: ${wide.join(', ')}`);
    }
    expect(sizes.wrap).toBeGreaterThan(0);
    expect(sizes.page).toBeLessThanOrEqual(0);
    await page.close();
  });

  it("after a delete, focus moves to the next row's Delete (the previous one at the end), not to <body>", async () => {
    await seed(SEED.slice(0, 3));
    const page = await openCollection();
    await page.getByTestId('sort-title').click();
    const titles = () => page.getByTestId('row-title').allTextContents();
    expect(await titles()).toEqual(['Backend Developer', 'Data Analyst', 'Data Engineer']);
    const focused = () =>
      page.evaluate(() =>
        `${document.activeElement?.getAttribute('data-testid')} ${document.activeElement?.closest('tr')?.querySelector('[data-testid="row-title"]')?.textContent ?? ''}`.trim(),
      );

    await rowOf(page, 'Data Analyst').getByTestId('delete-row').focus();
    await page.keyboard.press('Enter');
    await expect.poll(titles).toEqual(['Backend Developer', 'Data Engineer']);
    await expect.poll(focused).toBe('delete-row Data Engineer');
    await page.keyboard.press('Enter');
    await expect.poll(titles).toEqual(['Backend Developer']);
    await expect.poll(focused).toBe('delete-row Backend Developer');
    await page.keyboard.press('Enter');
    await page.getByTestId('collection-empty').waitFor();
    await expect.poll(focused).toBe('notice-action');
    await page.close();
  });
});

describe('Add all open job tabs', () => {
  let server: OpenAIServer;
  let site: JobSite;
  let more: JobSite;
  let delay = 0;
  const MODEL = 'ft:davinci-002:acme:tabs:e2e';
  const completion = (e: Entities) =>
    ' ' + ENTITY_TYPES.map((t) => `${t}:[${e[t].map((v) => `'${v}'`).join(', ')}]`).join('\n ') + '\n END';

  beforeAll(async () => {
    server = await startOpenAIServer({
      delayMs: () => delay,
      answer: () => completion({ ...none, diploma: ['bs'], skills: ['python', 'sql'] }),
    });
    site = await startJobSite();
    more = await startFixturePages(join(PROJECT_DIR, 'test', 'fixtures', 'e2e-collection'));
    ext = await launchExtension();
    expect(
      await OptionsPage.configure(ext, { baseURL: server.url, apiKey: 'sk-test-tabs', model: MODEL, mode: 'auto' }),
    ).toBe('Saved.');
  });
  afterAll(() => closeAll(ext, site, more, server));

  async function openTabs(urls: string[]): Promise<Page[]> {
    const pages: Page[] = [];
    for (const u of urls) {
      const p = await ext.context.newPage();
      await p.goto(u);
      pages.push(p);
    }
    return pages;
  }

  it('extracts every open posting (at most 4 at a time), saves them, skips a page that is not a posting; Cancel stops a run', async () => {
    // Five different postings (the same text twice would be one request: the cache) and a page that is not one.
    const tabs = await openTabs([
      ...['backend-engineer.html', 'data-analyst.html', 'greenhouse-tidewater.html'].map((f) => site.url(f)),
      ...['formula-title.html', 'platform-engineer.html'].map((f) => more.url(f)),
      site.url('not-a-posting.html'),
    ]);
    const page = await openCollection();
    await page.getByTestId('collection-empty').waitFor();

    delay = 1500;
    await page.getByTestId('add-open-tabs').click();
    await page.getByTestId('add-tabs-progress').waitFor();
    await notice(page).filter({ hasText: 'Read 6 open tabs' }).waitFor({ timeout: 60_000 });
    await expect(notice(page).textContent()).resolves.toMatch(/5 added, 1 not a posting/);
    await expect.poll(() => page.getByTestId('collection-row').count()).toBe(5);
    // Never more than 4 requests at the model at once: the first wave holds at most 4.
    const times = server
      .modelRequests()
      .map((r) => r.at)
      .sort((a, b) => a - b);
    expect(times.length).toBeGreaterThanOrEqual(5);
    expect(times.filter((t) => t < times[0] + delay * 0.9).length).toBeLessThanOrEqual(4);

    // Again, slowly, and cancelled: the run stops and says so; nothing is half-saved.
    await clearExtensionState(ext);
    delay = 8000;
    await page.getByTestId('add-open-tabs').click();
    await page.getByTestId('add-tabs-cancel').click();
    await notice(page).filter({ hasText: 'Cancelled' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('add-tabs-progress').count()).toBe(0);
    await expect.poll(() => page.getByTestId('collection-row').count()).toBe(5);
    delay = 0;
    for (const t of tabs) await t.close();
    await page.close();
  });

  it('the popup links to the collection in every state, an error included', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(site.url('not-a-posting.html'));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, tab));
    expect(await popup.settled()).toBe('error');
    const [opened] = await Promise.all([
      ext.context.waitForEvent('page'),
      popup.page.getByTestId('open-collection').click(),
    ]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(ext.url('src/collection/collection.html'));
    await opened.close();
    await popup.close();
    await tab.close();
  });

  it('counts and skips tabs on sites the extension may not read, and offers to ask for access', async () => {
    // A host outside the granted ones: the tab hides its address from the extension.
    await ext.context.route('https://careers.example.org/**', (r) =>
      r.fulfill({ path: join(PROJECT_DIR, 'test', 'fixtures', 'e2e', 'data-analyst.html'), contentType: 'text/html' }),
    );
    const other = await ext.context.newPage();
    await other.goto('https://careers.example.org/jobs/42');
    const page = await openCollection();
    await page.getByTestId('add-open-tabs').click();
    await notice(page).filter({ hasText: 'skipped' }).waitFor({ timeout: 30_000 });
    await expect(notice(page).textContent()).resolves.toMatch(/1 tab skipped|\d+ tabs skipped/);
    await page.getByTestId('add-tabs-allow').waitFor();
    await other.close();
    await page.close();
  });
});
