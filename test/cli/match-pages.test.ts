// One candidate against many whole postings, as a user runs it: the built CLI, the embedded offline
// extractor, whole career pages (company blurb, benefits, pay, legal text) captured from their
// HTML. A backend developer must come out on top of the backend posting, several times above the
// nursing, accounting and trucking ones, whatever the pages say about the employer's own stack.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, HAS_SHARED, readShared, sharedPath } from '../shared';
import { ensureCliBuilt, runCli } from './spawn-cli';

const BACKEND = ['--skills', 'Python, FastAPI, Kubernetes, Docker, CI/CD, PostgreSQL, Redis, AWS'];
const PAGES = ['nursing', 'accounting', 'backend', 'truck-driver', 'frontend'];

/** A JSONL of captured pages ({"id", "url", "html"} per line), written to a temp folder. */
function pagesJsonl(pages: { id: string; url: string; html: string }[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'je-match-pages-')), 'pages.jsonl');
  writeFileSync(file, pages.map((p) => JSON.stringify(p)).join('\n') + '\n');
  return file;
}

type Line = {
  rank: number;
  id: string;
  score: number;
  summary: string;
  matched: string[];
  missing: string[];
  niceToHave: { matched: string[]; missing: string[] };
};

beforeAll(async () => {
  await ensureCliBuilt();
}, 120_000);

describe('job-entities match over whole postings (offline extractor)', () => {
  let lines: Line[];
  beforeAll(async () => {
    const input = pagesJsonl(
      PAGES.map((id) => ({
        id,
        url: `https://careers.example.com/jobs/${id}`,
        html: readFileSync(fixturePath('match-pages', `${id}.html`), 'utf8'),
      })),
    );
    const r = await runCli(['match', '--provider', 'local', ...BACKEND, '--input', input]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    lines = r.lines() as Line[];
  }, 60_000);

  it('ranks the backend posting first', () => {
    expect(lines.map((l) => l.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(lines[0].id).toBe('backend');
    // Best first: the scores never go up.
    for (let i = 1; i < lines.length; i++) expect(lines[i].score).toBeLessThanOrEqual(lines[i - 1].score);
  });

  it('scores the backend profile several times higher on the backend posting than on nursing, accounting or trucking', () => {
    const score = Object.fromEntries(lines.map((l) => [l.id, l.score]));
    for (const other of ['nursing', 'accounting', 'truck-driver']) {
      expect(score.backend, `backend ${score.backend} vs ${other} ${score[other]}`).toBeGreaterThanOrEqual(
        3 * score[other],
      );
    }
    expect(score.backend).toBeGreaterThan(score.frontend);
  });

  it('finds most of the profile in the backend posting, phrases included', () => {
    const backend = lines.find((l) => l.id === 'backend')!;
    expect(backend.summary).toMatch(/^\d+ of \d+ required skills/);
    const held = [...backend.matched, ...backend.niceToHave.matched].join(' | ').toLowerCase();
    for (const skill of ['python', 'fastapi', 'kubernetes', 'docker', 'postgresql', 'aws'])
      expect(held).toContain(skill);
  });
});

describe.skipIf(!HAS_SHARED)('job-entities match over the saved real pages (../shared)', () => {
  it('ranks the platform engineering posting above the executive assistant and strategy ones', async () => {
    const list = JSON.parse(readShared('pages', 'pages.json')) as { file: string; url: string }[];
    const pages = list
      .filter((p) => p.file.endsWith('.html'))
      .map((p) => ({ id: p.file, url: p.url, html: readFileSync(sharedPath('pages', p.file), 'utf8') }));
    const r = await runCli(['match', '--provider', 'local', ...BACKEND, '--input', pagesJsonl(pages)]);
    expect(r.code).toBe(0);
    const lines = r.lines() as Line[];
    expect(lines).toHaveLength(pages.length);
    const rank = Object.fromEntries(lines.map((l) => [l.id, l.rank]));
    // SEEK: a senior platform engineer (Python, Kubernetes, AWS, CI/CD).
    expect(rank['seek-1.html']).toBeLessThanOrEqual(2);
    const score = Object.fromEntries(lines.map((l) => [l.id, l.score]));
    for (const other of ['linkedin-3-guest-search.html', 'workday-2-autodesk-jsonld.html']) {
      expect(score['seek-1.html'], `seek vs ${other}`).toBeGreaterThanOrEqual(3 * score[other]);
    }
  }, 60_000);
});
