/// <reference types="chrome" />
// Accessibility in real Chromium: axe-core (the npm package, run inside each extension page) over
// the popup (chips, edit mode, an error, the match panel), the options page (and a failed save),
// the collection page (and an expanded cell) and the profile page, in light and in dark. Every
// WCAG 2.0/2.1/2.2 A and AA rule and axe's best practices must pass, and no text may be left with
// a colour contrast axe cannot decide ("needs review"). Also: targets at least 24 × 24 px, the
// focus ring at least 3:1 against its background, fields in error tied to their message and
// focused on a failed save, focus after removing a chip or a profile skill.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES, type Entities } from '../../src/core/entities';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import {
  closeAll,
  launchExtension,
  OptionsPage,
  PopupPage,
  startJobSite,
  tabIdOf,
  type ExtensionBrowser,
  type JobSite,
  chooseMenuItem,
} from './fixtures';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeRule {
  id: string;
  nodes: AxeNode[];
}

/** axe's violations, and its undecided colour-contrast items, as readable lines (empty = clean). */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (d: Document, o: unknown) => Promise<unknown> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'incomplete'],
      }),
    TAGS,
  )) as {
    violations: AxeRule[];
    incomplete: AxeRule[];
  };
  const lines = (kind: string, rules: AxeRule[]) =>
    rules.flatMap((r) =>
      r.nodes.map(
        (n) =>
          `${kind} ${r.id}: ${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}`,
      ),
    );
  return [
    ...lines('violation', result.violations),
    ...lines(
      'needs review',
      result.incomplete.filter((r) => r.id === 'color-contrast' || r.id === 'color-contrast-enhanced'),
    ),
  ];
}

/** WCAG contrast ratio of two `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const s = Number(v) / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    const described = (e?.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    return {
      id: e?.id ?? '',
      testid: e?.getAttribute('data-testid') ?? '',
      tag: e?.tagName ?? '',
      invalid: e?.getAttribute('aria-invalid') ?? '',
      described,
      type: e?.getAttribute('data-type') ?? '',
    };
  });

const none: Entities = { diploma: [], diploma_major: [], experience: [], skills: [] };
const ANSWER: Entities = {
  diploma: ['bs'],
  diploma_major: ['computer science'],
  experience: ['5 + years'],
  skills: ['python', 'kubernetes', 'sql', 'go', 'terraform', 'docker', 'react', 'typescript'],
};
const completion = (e: Entities) =>
  ' ' + ENTITY_TYPES.map((t) => `${t}:[${e[t].map((v) => `'${v}'`).join(', ')}]`).join('\n ') + '\n END';

const SEED = [1, 2, 3].map((n) => ({
  url: `https://jobs.example/${n}`,
  title: ['Data Engineer', 'Platform Engineer', 'Analyst'][n - 1],
  company: `Company ${n}`,
  location: 'Lyon',
  capturedAt: new Date(Date.UTC(2026, 10, n)).toISOString(),
  entities: {
    ...none,
    diploma: ['bs'],
    skills: ['python', 'sql', 'kubernetes', 'terraform', 'airflow'].slice(0, n + 2),
  },
  model: n === 1 ? 'local' : 'ft:davinci-002:acme:jobs:x',
  provider: n === 1 ? 'local' : 'openai',
  status: 'Applied',
  notes: n === 2 ? 'Call back Tuesday' : '',
}));

for (const scheme of ['light', 'dark'] as const) {
  describe(`axe, ${scheme} scheme`, () => {
    let ext: ExtensionBrowser;
    let server: OpenAIServer;
    let site: JobSite;

    beforeAll(async () => {
      server = await startOpenAIServer({ answer: () => completion(ANSWER) });
      site = await startJobSite();
      ext = await launchExtension({ colorScheme: scheme });
      expect(
        await OptionsPage.configure(ext, {
          baseURL: server.url,
          apiKey: 'sk-test-a11y',
          model: 'ft:davinci-002:acme:a11y:x',
          mode: 'auto',
        }),
      ).toBe('Saved.');
      await ext.worker.evaluate(
        async (postings) => chrome.storage.local.set({ collection: { version: 1, postings } }),
        SEED,
      );
    });
    afterAll(() => closeAll(ext, site, server));

    async function popupOn(file: string): Promise<{ popup: PopupPage; page: Page }> {
      const page = await ext.context.newPage();
      await page.goto(site.url(file));
      const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
      await popup.settled();
      return { popup, page };
    }

    it('popup: chips, edit mode, the match panel', async () => {
      await ext.worker.evaluate(async () => chrome.storage.local.remove('profile'));
      const { popup, page } = await popupOn('backend-engineer.html');
      expect(await axe(popup.page)).toEqual([]);
      await chooseMenuItem(popup.page, 'improve-menu', 'edit-chips');
      await popup.page.getByTestId('chip-remove').first().waitFor();
      expect(await axe(popup.page)).toEqual([]);
      await chooseMenuItem(popup.page, 'improve-menu', 'edit-chips');
      // A profile: the match panel and its table.
      await ext.worker.evaluate(async () =>
        chrome.storage.local.set({
          profile: { version: 1, skills: ['python', 'sql', 'excel'], years: 3, diplomas: ['bs'] },
        }),
      );
      await popup.page.getByTestId('match-panel').waitFor();
      expect(await axe(popup.page)).toEqual([]);
      await popup.close();
      await page.close();
    });

    it("side panel: the active tab's job", async () => {
      const page = await ext.context.newPage();
      await page.goto(site.url('backend-engineer.html'));
      const tabId = await tabIdOf(ext, page);
      const popup = await PopupPage.open(ext, tabId);
      await popup.settled();
      await popup.close();
      await page.bringToFront();
      const windowId = await ext.worker.evaluate(async (id) => (await chrome.tabs.get(id)).windowId, tabId);
      const opened = ext.context.waitForEvent('page');
      await ext.worker.evaluate(([url]) => chrome.windows.create({ url, type: 'popup', width: 400, height: 700 }), [
        ext.url(`src/sidepanel/sidepanel.html?windowId=${windowId}`),
      ] as const);
      const panel = await opened;
      await panel.locator('[data-testid="popup"][data-state="done"]').waitFor();
      expect(await axe(panel)).toEqual([]);
      await panel.close();
      await page.close();
    });

    it('popup: an error', async () => {
      const { popup, page } = await popupOn('not-a-posting.html');
      expect(await popup.page.getByTestId('popup').getAttribute('data-state')).toBe('error');
      expect(await axe(popup.page)).toEqual([]);
      await popup.close();
      await page.close();
    });

    it('options: as loaded and after a failed save', async () => {
      const options = await OptionsPage.open(ext);
      expect(await axe(options.page)).toEqual([]);
      await options.fill({ baseURL: 'not a url' });
      await options.page.getByTestId('save').click();
      await options.page.getByTestId('error-baseURL').waitFor();
      expect(await axe(options.page)).toEqual([]);
      await options.page.close();
    });

    it('collection: rows, an expanded cell, a notice', async () => {
      const page = await ext.context.newPage();
      // A tab's width: at a narrow one the table scrolls sideways, and axe cannot see the colours of
      // cells scrolled out of view (the 375 px layout is checked in collection-tracking.test.ts).
      await page.setViewportSize({ width: 1500, height: 900 });
      await page.goto(ext.url('src/collection/collection.html'));
      await expect.poll(() => page.getByTestId('collection-row').count()).toBe(3);
      expect(await axe(page)).toEqual([]);
      await page.getByTestId('cell-more').first().click();
      await page.getByTestId('skill-filter').fill('kubernetes');
      await page.getByTestId('collection-row').first().getByTestId('delete-row').click();
      await page.getByTestId('collection-notice').waitFor();
      expect(await axe(page)).toEqual([]);
      await page.getByTestId('notice-action').click();
      await page.close();
    });

    it('the focus ring is at least 3:1 against the page and the panels', async () => {
      const options = await OptionsPage.open(ext);
      await options.page.getByTestId('save').focus();
      await options.page.keyboard.press('Shift+Tab');
      await options.page.keyboard.press('Tab');
      const colours = await options.page.evaluate(() => {
        const e = document.activeElement!;
        const root = getComputedStyle(document.documentElement);
        const probe = document.createElement('div');
        document.body.append(probe);
        probe.style.background = root.getPropertyValue('--panel');
        const panel = getComputedStyle(probe).backgroundColor;
        probe.remove();
        return {
          ring: getComputedStyle(e).outlineColor,
          style: getComputedStyle(e).outlineStyle,
          page: getComputedStyle(document.body).backgroundColor,
          panel,
        };
      });
      expect(colours.style).toBe('solid');
      expect(contrast(colours.ring, colours.page)).toBeGreaterThanOrEqual(3);
      expect(contrast(colours.ring, colours.panel)).toBeGreaterThanOrEqual(3);
      await options.page.close();
    });

    // Behaviour, not colour: checked once, in the light scheme.
    if (scheme === 'light')
      it('a failed save marks the fields invalid, ties them to their message and focuses the first (options, profile)', async () => {
        const options = await OptionsPage.open(ext);
        await options.fill({ baseURL: 'localhost:11434/v1' });
        await options.page.getByTestId('save').click();
        await options.page.getByTestId('error-baseURL').waitFor();
        await expect
          .poll(() => focused(options.page))
          .toMatchObject({
            id: 'baseURL',
            invalid: 'true',
            described: expect.stringContaining('must start with http'),
          });
        // Fixed: no longer invalid.
        await options.fill({ baseURL: server.url });
        expect(await options.page.getByTestId('base-url').getAttribute('aria-invalid')).toBeNull();
        await options.page.close();

        const page = await ext.context.newPage();
        await page.goto(ext.url('src/profile/profile.html'));
        await page.getByTestId('profile-skill').first().waitFor();
        await page.getByTestId('profile-years').fill('500');
        await page.getByTestId('profile-save').click();
        await expect
          .poll(() => focused(page))
          .toMatchObject({ id: 'years', invalid: 'true', described: expect.stringContaining('from 0 to 80') });
        await page.close();
      });

    if (scheme === 'light')
      it('focus stays on a neighbour after removing a chip (popup edit mode) or a profile skill', async () => {
        const { popup, page } = await popupOn('backend-engineer.html');
        await chooseMenuItem(popup.page, 'improve-menu', 'edit-chips');
        const skills = popup.page.locator('[data-testid="group"][data-type="skills"] [data-testid="chip-remove"]');
        const before = await skills.count();
        expect(before).toBeGreaterThan(2);
        const second = await skills.nth(1).getAttribute('data-raw');
        const third = await skills.nth(2).getAttribute('data-raw');
        await skills.nth(1).focus();
        await popup.page.keyboard.press('Enter');
        await expect.poll(() => skills.count()).toBe(before - 1);
        await expect
          .poll(() => popup.page.evaluate(() => document.activeElement?.getAttribute('data-raw')))
          .toBe(third);
        expect(third).not.toBe(second);
        // The only diploma removed: focus goes to the group's add field.
        await popup.page
          .locator('[data-testid="group"][data-type="diploma"] [data-testid="chip-remove"]')
          .first()
          .focus();
        await popup.page.keyboard.press('Enter');
        await expect.poll(() => focused(popup.page)).toMatchObject({ testid: 'chip-add-input', type: 'diploma' });
        await chooseMenuItem(popup.page, 'improve-menu', 'revert-corrections');
        await popup.close();
        await page.close();

        const profile = await ext.context.newPage();
        await profile.goto(ext.url('src/profile/profile.html'));
        const chips = profile.getByTestId('profile-skill');
        await chips.first().waitFor();
        const values = await chips.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
        await chips.first().getByTestId('profile-skill-remove').focus();
        await profile.keyboard.press('Enter');
        await expect
          .poll(() => profile.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-value')))
          .toBe(values[1]);
        await profile.close();
      });

    if (scheme === 'light')
      it('popup status messages replace each other instead of piling up', async () => {
        await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
        const { popup, page } = await popupOn('data-analyst.html');
        const statuses = () =>
          popup.page
            .locator('.status, [data-testid="copied"]')
            .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
        await popup.page.getByTestId('chip').first().click();
        await expect.poll(statuses).toEqual([expect.stringMatching(/^Copied/)]);
        await popup.page.getByTestId('copy-all').click();
        await popup.page.getByTestId('copy-all-status').filter({ hasText: 'Copied' }).waitFor();
        await expect.poll(() => popup.page.getByTestId('copied').textContent()).toBe('');
        await expect.poll(statuses).toHaveLength(1);
        await popup.page.getByTestId('save-to-collection').click();
        await expect.poll(statuses).toEqual(['Saved to the collection']);
        await popup.close();
        await page.close();
      });

    it('profile: with skills, and a failed save', async () => {
      const page = await ext.context.newPage();
      await page.goto(ext.url('src/profile/profile.html'));
      await page.getByTestId('profile-page').waitFor();
      await page.getByTestId('profile-skill').first().waitFor();
      expect(await axe(page)).toEqual([]);
      await page.getByTestId('profile-years').fill('500');
      await page.getByTestId('profile-save').click();
      await page.getByTestId('profile-notice').waitFor();
      expect(await axe(page)).toEqual([]);
      await page.close();
    });
  });
}
