// storage.session holds per-tab jobs: each keeps only what the popup needs (title, company,
// location, URL, text hash, result, and the text itself only while it is small enough to save as
// a training example), so a few large postings cannot fill the session quota; and a write that
// fails on the quota never hides a finished result.
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  (globalThis as Record<string, unknown>).chrome = { runtime: { id: 'test-extension-id' } };
});

import { JOB_TEXT_LIMIT, readJob, writeJob } from '../../src/shared/storage';
import type { JobState } from '../../src/shared/messages';
import { memoryArea } from './fake-storage';

const result = {
  diploma: [],
  diploma_major: [],
  experience: [],
  skills: ['sql'],
  meta: { provider: 'openai', model: 'm', finishReason: 'stop', warnings: [] },
};
const job = (text: string): JobState => ({
  id: 'j1',
  tabId: 7,
  url: 'https://jobs.example/1',
  status: 'done',
  startedAt: 1,
  posting: {
    url: 'https://jobs.example/1',
    title: 'Job',
    company: 'Acme',
    location: 'Paris',
    text,
    source: 'jsonld',
    sections: [{ heading: 'About', kind: 'other', text }] as never,
  },
  textHash: 'a'.repeat(64),
  result,
});

describe('per-tab jobs in storage.session', () => {
  it('a large posting is stored without its text or sections; its hash and result are kept', async () => {
    const area = memoryArea();
    const big = 'Requirements: SQL. '.repeat(110_000); // ~2 MB
    await writeJob(area, job(big));
    const size = JSON.stringify(area.data).length;
    expect(size).toBeLessThan(5_000);
    const back = await readJob(area, 7);
    expect(back).toMatchObject({
      status: 'done',
      textHash: 'a'.repeat(64),
      posting: { title: 'Job', company: 'Acme', location: 'Paris', url: 'https://jobs.example/1', text: '' },
      result: { skills: ['sql'] },
    });
    expect(back?.posting?.sections).toBeUndefined();
  });

  it('a posting small enough to save as a training example keeps its text and sections', async () => {
    const area = memoryArea();
    await writeJob(area, job('Requirements: SQL.'));
    expect((await readJob(area, 7))?.posting?.text).toBe('Requirements: SQL.');
    expect((await readJob(area, 7))?.posting?.sections).toHaveLength(1);
    expect(JOB_TEXT_LIMIT).toBeGreaterThanOrEqual(100_000);
  });
});

describe('jobs left running by a stopped worker', () => {
  it('are marked failed with a message that says Try again is enough', async () => {
    const { markOrphanedJobs } = await import('../../src/shared/storage');
    const area = memoryArea({
      'job:1': { ...job('x'), tabId: 1, status: 'extracting' },
      'job:2': { ...job('x'), tabId: 2, status: 'done' },
      other: 1,
    });
    expect(await markOrphanedJobs(area)).toBe(1);
    const back = await readJob(area, 1);
    expect(back).toMatchObject({ status: 'error', error: { code: 'cancelled' } });
    expect(back?.error?.message).toMatch(/Try again/);
    expect(back?.error?.message).not.toMatch(/[Rr]eload/);
    expect((await readJob(area, 2))?.status).toBe('done');
  });
});
