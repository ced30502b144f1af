import { describe, expect, it } from 'vitest';
import { jobTabCandidates } from '../../src/collection/open-tabs';

describe('jobTabCandidates', () => {
  const own = 'chrome-extension://abc/';
  it('keeps web pages, counts tabs that hide their address, ignores browser and extension pages', () => {
    const tabs = [
      { id: 1, url: 'https://boards.greenhouse.io/acme/jobs/1' },
      { id: 2, url: 'http://127.0.0.1:8080/job.html' },
      { id: 3 },
      { id: 4, url: 'chrome://newtab/' },
      { id: 5, url: 'chrome-extension://abc/src/collection/collection.html' },
      { id: 6, url: 'file:///tmp/job.html' },
      { url: 'https://no-id.example/' },
      { id: -1, url: 'https://devtools.example/' },
      { id: 7, url: '' },
    ];
    const { readable, hidden } = jobTabCandidates(tabs, own);
    expect(readable.map((t) => t.id)).toEqual([1, 2]);
    expect(hidden).toBe(2);
  });
});
