/// <reference types="chrome" />
// Candidate mode in real Chromium: the profile page (typed and pasted skills, a résumé extracted by
// the offline extractor and by the "fine-tuned model" on the project's OpenAI-compatible test
// server, export and import), then the popup's match panel on an invented posting: matched and
// missing chips, the score with its formula, years/diploma/major, and the missing skills copied.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES, type Entities } from '../../src/core/entities';
import { PROJECT_DIR } from '../shared';
import type { OpenAIServer } from '../server/openai-server';
import {
  clearExtensionState,
  closeAll,
  OptionsPage,
  PopupPage,
  startFixturePages,
  startTestBed,
  tabIdOf,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';

const FIXTURES = join(PROJECT_DIR, 'test', 'fixtures', 'e2e-match');
const KEY = 'sk-test-match-0123456789';
const MODEL = 'ft:davinci-002:larkspur:jobs:match01';
const RESUME = readFileSync(join(FIXTURES, 'resume.txt'), 'utf8');

/** What the "fine-tuned model" finds in the posting: training-style values (tokenizer spaces). */
const POSTING_ANSWER: Entities = {
  diploma: ['bs'],
  diploma_major: ['computer science'],
  experience: ['3 + years'],
  skills: ['typescript', 'react', 'node . js', 'javascript', 'postgresql', 'graphql', 'kubernetes', 'c #'],
};
/** ...and in the résumé. */
const RESUME_ANSWER: Entities = {
  diploma: ['bs'],
  diploma_major: ['computer science'],
  experience: ['five years'],
  skills: ['python', 'java', 'docker', 'linux', 'git'],
};

function completion(e: Entities): string {
  return ' ' + ENTITY_TYPES.map((t) => `${t}:[${e[t].map((v) => `'${v}'`).join(', ')}]`).join('\n ') + '\n END';
}

let ext: ExtensionBrowser;
let server: OpenAIServer;
let pages: JobSite;

beforeAll(async () => {
  ({
    server,
    site: pages,
    ext,
  } = await startTestBed(
    { apiKey: KEY, answer: (req) => completion(req.prompt.includes('Alex Example') ? RESUME_ANSWER : POSTING_ANSWER) },
    () => startFixturePages(FIXTURES),
  ));
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(() => closeAll(ext, pages, server));

async function openProfilePage(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('src/profile/profile.html'));
  await page.getByTestId('profile-page').waitFor();
  return page;
}

async function chipValues(page: Page, testid: string): Promise<string[]> {
  return page.getByTestId(testid).evaluateAll((els) => els.map((e) => e.getAttribute('data-value') ?? ''));
}

async function openPopupOnPosting(): Promise<{ popup: PopupPage; job: Page }> {
  const job = await ext.context.newPage();
  await job.goto(pages.url('frontend-developer.html'));
  const popup = await PopupPage.open(ext, await tabIdOf(ext, job));
  expect(await popup.settled()).toBe('done');
  return { popup, job };
}

async function storedProfile(): Promise<unknown> {
  return ext.worker.evaluate(async () => (await chrome.storage.local.get('profile')).profile);
}

describe('candidate mode', () => {
  it('without a profile, the popup offers "Compare with my skills", which opens the profile page', async () => {
    const { popup, job } = await openPopupOnPosting();
    await expect(popup.page.getByTestId('match-panel').count()).resolves.toBe(0);
    const opened = ext.context.waitForEvent('page');
    await popup.page.getByTestId('compare-link').click();
    const profile = await opened;
    await profile.waitForLoadState();
    expect(profile.url()).toBe(ext.url('src/profile/profile.html'));
    await profile.getByTestId('profile-page').waitFor();
    await expect(profile.getByTestId('profile-state').textContent()).resolves.toBe('No profile saved yet');
    await profile.close();
    await popup.close();
    await job.close();
  });

  it('extracts a résumé with the offline extractor when no model is configured', async () => {
    const page = await openProfilePage();
    await page.getByTestId('resume-text').fill(RESUME);
    await page.getByTestId('resume-extract').click();
    await expect(page.getByTestId('resume-status').textContent()).resolves.toMatch(
      /^Found \d+ skills; 5 years; diploma: bs; major: computer science\./,
    );
    const skills = await chipValues(page, 'profile-skill');
    expect(skills).toEqual(expect.arrayContaining(['python', 'java', 'docker']));
    await expect(page.getByTestId('profile-years').inputValue()).resolves.toBe('5');
    // Not saved until Save.
    await expect(page.getByTestId('profile-state').textContent()).resolves.toBe('Unsaved changes');
    expect(await storedProfile()).toBeUndefined();
    expect(server.modelRequests()).toHaveLength(0);
    await page.close();
  });

  it('builds a profile: typed, pasted as a list, extracted by the model, one removed, saved', async () => {
    expect(await OptionsPage.configure(ext, { baseURL: server.url, apiKey: KEY, model: MODEL, mode: 'auto' })).toBe(
      'Saved.',
    );
    const page = await openProfilePage();
    const input = page.getByTestId('profile-skill-input');
    await input.fill('TypeScript');
    await input.press('Enter');
    // A pasted list becomes one chip per value; repeats under another spelling (ReactJS = React) are kept once.
    await input.focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'React\nnodejs, Postgres\n• ReactJS\n• Excel');
      document.activeElement!.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    expect(await chipValues(page, 'profile-skill')).toEqual(['TypeScript', 'React', 'nodejs', 'Postgres', 'Excel']);
    await page.getByTestId('profile-skill').filter({ hasText: 'Excel' }).getByTestId('profile-skill-remove').click();

    await page.getByTestId('resume-text').fill(RESUME);
    await page.getByTestId('resume-extract').click();
    await expect(page.getByTestId('resume-status').textContent()).resolves.toBe(
      'Found 5 skills; 5 years; diploma: bs; major: computer science. Added to your profile above: review, then Save.',
    );
    // The résumé went to the model through the worker, with the key the page never saw.
    const sent = server.modelRequests().at(-1)!;
    expect(JSON.stringify(sent.body)).toContain('Alex Example');
    expect(sent.apiKey).toBe(KEY);
    expect(await chipValues(page, 'profile-skill')).toEqual([
      'TypeScript',
      'React',
      'nodejs',
      'Postgres',
      'python',
      'java',
      'docker',
      'linux',
      'git',
    ]);
    expect(await chipValues(page, 'profile-diploma')).toEqual(['bs']);
    expect(await chipValues(page, 'profile-major')).toEqual(['computer science']);

    await page.getByTestId('profile-save').click();
    await expect(page.getByTestId('profile-notice').textContent()).resolves.toBe(
      'Saved. The popup now compares postings with your 9 skills.',
    );
    expect(await storedProfile()).toEqual({
      version: 1,
      skills: ['TypeScript', 'React', 'nodejs', 'Postgres', 'python', 'java', 'docker', 'linux', 'git'],
      years: 5,
      diplomas: ['bs'],
      majors: ['computer science'],
    });
    // Settings (and the key) are untouched by the profile.
    const settings = await ext.worker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings as { model: string; apiKey: string },
    );
    expect(settings).toMatchObject({ model: MODEL, apiKey: KEY });
    await page.close();
  });

  it('a failed résumé extraction says what happened and what to do, and changes nothing', async () => {
    server.setBehavior(MODEL, { fault: 'invalid_key' });
    try {
      const page = await openProfilePage();
      const before = await chipValues(page, 'profile-skill');
      await page.getByTestId('resume-text').fill(RESUME);
      await page.getByTestId('resume-extract').click();
      await expect(page.getByTestId('resume-error').textContent()).resolves.toMatch(
        /^The API key was rejected by .*paste it in the settings/,
      );
      await expect(page.getByTestId('open-settings').isVisible()).resolves.toBe(true);
      expect(await chipValues(page, 'profile-skill')).toEqual(before);
      await expect(page.getByTestId('profile-state').textContent()).resolves.toBe('Saved');
      await page.close();
    } finally {
      server.setBehavior(MODEL, undefined);
    }
  });

  it("the popup marks the posting's skills matched or missing, with the score and its formula", async () => {
    await clearExtensionState(ext);
    const { popup, job } = await openPopupOnPosting();
    const panel = popup.page.getByTestId('match-panel');
    await panel.waitFor();
    const chips = await popup.page
      .getByTestId('match-chip')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-value'), e.getAttribute('data-state')]));
    expect(chips).toEqual([
      ['typescript', 'matched'],
      ['react', 'matched'],
      ['node . js', 'matched'],
      // Java is held, JavaScript is not: false friends stay apart.
      ['javascript', 'missing'],
      ['postgresql', 'matched'],
      ['graphql', 'missing'],
      ['kubernetes', 'missing'],
      ['c #', 'missing'],
    ]);
    // C# is under "Nice to have": shown apart, counting half.
    await expect(popup.page.getByTestId('match-summary').textContent()).resolves.toBe(
      '4 of 7 required skills, 0 of 1 nice-to-have · 53 %',
    );
    await expect(popup.page.getByTestId('match-formula').textContent()).resolves.toBe(
      'score = (required you have + ½ nice-to-have you have) / (required + ½ nice-to-have) = (4 + 0/2) / (7 + 1/2) = 53 %',
    );
    await expect(popup.page.getByTestId('match-score').textContent()).resolves.toBe('53%');
    expect(
      await popup.page
        .getByTestId('match-chip')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-importance'))),
    ).toEqual([...Array(7).fill('required'), 'niceToHave']);
    expect(
      await popup.page
        .getByTestId('match-nice')
        .getByTestId('match-chip')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-value'))),
    ).toEqual(['c #']);
    const extra = await popup.page.getByTestId('match-extra').allTextContents();
    expect(extra).toEqual(['python', 'java', 'docker', 'linux', 'git']);
    await expect(popup.page.getByTestId('match-years').getAttribute('data-ok')).resolves.toBe('true');
    await expect(popup.page.getByTestId('match-years-asked').textContent()).resolves.toBe('3 years');
    await expect(popup.page.getByTestId('match-years-held').textContent()).resolves.toBe('5 years');
    await expect(popup.page.getByTestId('match-diploma').getAttribute('data-ok')).resolves.toBe('true');
    await expect(popup.page.getByTestId('match-major').getAttribute('data-ok')).resolves.toBe('true');

    await popup.page.getByTestId('copy-missing').click();
    await popup.page.getByTestId('copy-missing-status').filter({ hasText: 'Copied 4 missing skills' }).waitFor();
    expect(await popup.page.evaluate(() => navigator.clipboard.readText())).toBe('JavaScript\nGraphQL\nKubernetes\nC#');
    // The popup stays readable at its width.
    expect(await popup.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await popup.close();
    await job.close();
  });

  it('exports the profile as JSON; a bad file changes nothing; a good one replaces it and the open popup follows', async () => {
    const page = await openProfilePage();
    const download = page.waitForEvent('download');
    await page.getByTestId('profile-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('job-entities-profile.json');
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(exported).toEqual(await storedProfile());

    const before = await storedProfile();
    await page.getByTestId('profile-import').setInputFiles(join(FIXTURES, 'bad-profile.json'));
    await expect(page.getByTestId('profile-notice').textContent()).resolves.toBe(
      '"bad-profile.json": Not a valid profile: "skills" Invalid input: expected array, received string. Nothing was changed.',
    );
    expect(await storedProfile()).toEqual(before);
    expect(await chipValues(page, 'profile-skill')).toEqual(before && (before as { skills: string[] }).skills);

    const { popup, job } = await openPopupOnPosting();
    await page.bringToFront();
    await page.getByTestId('profile-import').setInputFiles(join(FIXTURES, 'profile.json'));
    await page.getByTestId('profile-notice').filter({ hasText: 'Imported and saved: 4 skills.' }).waitFor();
    expect(await chipValues(page, 'profile-skill')).toEqual(['Go', 'Kubernetes', 'GraphQL', 'C#']);
    // The open popup reads the new profile: Go is not Google, C# is `c #`.
    // A background tab renders late (throttled): look at the popup, as the user would.
    await popup.page.bringToFront();
    await popup.page.getByTestId('match-score').filter({ hasText: '33%' }).waitFor();
    const matched = await popup.page
      .locator('[data-testid="match-chip"][data-state="matched"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
    expect(matched).toEqual(['graphql', 'kubernetes', 'c #']);
    await expect(popup.page.getByTestId('match-years').getAttribute('data-ok')).resolves.toBe('false');
    await expect(popup.page.getByTestId('match-diploma').getAttribute('data-ok')).resolves.toBe('true');
    await expect(popup.page.getByTestId('match-major').getAttribute('data-ok')).resolves.toBe('false');
    await popup.close();
    await job.close();
    await page.close();
  });

  it('a bad stored profile crashes nothing and loses no other data', async () => {
    await ext.worker.evaluate(async () =>
      chrome.storage.local.set({ profile: { version: 1, skills: ['Rust', 7, 'GraphQL'], years: 'lots' } }),
    );
    const page = await openProfilePage();
    await expect(page.getByTestId('profile-notice').textContent()).resolves.toMatch(
      /unreadable and were left out \(2\)/,
    );
    expect(await chipValues(page, 'profile-skill')).toEqual(['Rust', 'GraphQL']);
    const { popup, job } = await openPopupOnPosting();
    await expect(popup.page.getByTestId('match-formula').textContent()).resolves.toBe(
      'score = (required you have + ½ nice-to-have you have) / (required + ½ nice-to-have) = (1 + 0/2) / (7 + 1/2) = 13 %',
    );

    await ext.worker.evaluate(async () => chrome.storage.local.set({ profile: 'not a profile' }));
    // A background tab renders late (throttled): look at the popup, as the user would.
    await popup.page.bringToFront();
    await popup.page.getByTestId('compare-link').waitFor();
    await page.reload();
    await expect(page.getByTestId('profile-notice').textContent()).resolves.toMatch(/unreadable and was ignored/);
    const settings = await ext.worker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings as { model: string },
    );
    expect(settings.model).toBe(MODEL);
    // Saving from the page replaces the bad value.
    await page.bringToFront();
    await page.getByTestId('profile-skill-input').fill('Rust, Go');
    await page.getByTestId('profile-skill-add').click();
    // Diplomas split on separators only: `B.S.` keeps its dots.
    await page.getByTestId('profile-diploma-input').fill('B.S., M.S.');
    await page.getByTestId('profile-diploma-input').press('Enter');
    await page.getByTestId('profile-save').click();
    await expect.poll(storedProfile).toEqual({ version: 1, skills: ['Rust', 'Go'], diplomas: ['B.S.', 'M.S.'] });
    // A background tab renders late (throttled): look at the popup, as the user would.
    await popup.page.bringToFront();
    await popup.page.getByTestId('match-panel').waitFor();
    await expect(popup.page.getByTestId('match-diploma').getAttribute('data-ok')).resolves.toBe('true');
    // Delete: the popup goes back to the invitation, the page keeps the values until it closes.
    await page.bringToFront();
    await page.getByTestId('profile-delete').click();
    // A background tab renders late (throttled): look at the popup, as the user would.
    await popup.page.bringToFront();
    await popup.page.getByTestId('compare-link').waitFor();
    expect(await storedProfile()).toBeUndefined();
    expect(await chipValues(page, 'profile-skill')).toEqual(['Rust', 'Go']);
    await popup.close();
    await job.close();
    await page.close();
  });

  it('the options page links to the profile page', async () => {
    const options = await OptionsPage.open(ext);
    await options.page.getByTestId('open-profile').click();
    await options.page.getByTestId('profile-page').waitFor();
    expect(options.page.url()).toBe(ext.url('src/profile/profile.html'));
    await options.page.close();
  });
});
