// Capture on the saved real pages in ../shared/pages: token recall and precision of the captured
// text against pages.json's `description_text`, printed as a table. Only where ../shared exists;
// test/unit/capture.test.ts covers the same behaviour on invented pages everywhere.
import { afterAll, describe, expect, it } from 'vitest';
import { captureHtml, parseHtmlDocument } from '../../src/cli/dom';
import { capturePosting } from '../../src/core/capture/index';
import { ExtractionError } from '../../src/core/errors';
import { PostingSchema } from '../../src/core/posting';
import { leverExpectedText, renderLeverPage, type LeverPosting } from '../lever-page';
import { HAS_SHARED, readShared } from '../shared';

const MIN_RECALL = 0.95;
const MIN_PRECISION = 0.85;

/** Tokens: lowercase runs of letters and digits (white space and punctuation separate them). */
function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function counts(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of list) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Recall and precision over token multisets: each expected token is matched at most as often as it occurs. */
function tokenRecallPrecision(captured: string, expected: string): { recall: number; precision: number } {
  const got = tokens(captured);
  const want = tokens(expected);
  const have = counts(got);
  let common = 0;
  for (const [t, n] of counts(want)) common += Math.min(n, have.get(t) ?? 0);
  return { recall: want.length ? common / want.length : 1, precision: got.length ? common / got.length : 0 };
}

interface PageEntry {
  file: string;
  url: string;
  site: string;
  description_at: string;
  description_text: string;
}

type Row = { page: string; source: string; site: string; recall: number; precision: number; chars: number };

describe.skipIf(!HAS_SHARED)('capture on the saved real pages (../shared/pages)', () => {
  const rows: Row[] = [];
  afterAll(() => {
    if (rows.length === 0) return;
    const header = `${'page'.padEnd(50)} ${'source'.padEnd(13)} ${'site'.padEnd(10)} ${'recall'.padStart(6)} ${'precision'.padStart(9)} ${'chars'.padStart(6)}`;
    const body = rows.map(
      (r) =>
        `${r.page.padEnd(50)} ${r.source.padEnd(13)} ${r.site.padEnd(10)} ${r.recall.toFixed(3).padStart(6)} ${r.precision.toFixed(3).padStart(9)} ${String(r.chars).padStart(6)}`,
    );
    console.log(
      ['', `Capture quality (token recall >= ${MIN_RECALL}, precision >= ${MIN_PRECISION}):`, header, ...body, ''].join(
        '\n',
      ),
    );
  });

  const pages = HAS_SHARED ? (JSON.parse(readShared('pages', 'pages.json')) as PageEntry[]) : [];

  for (const entry of pages) {
    it(`${entry.file} (${entry.site})`, () => {
      const posting = PostingSchema.parse(captureHtml(readShared('pages', entry.file), entry.url));
      const m = tokenRecallPrecision(posting.text, entry.description_text);
      rows.push({
        page: entry.file,
        source: posting.source,
        site: posting.site ?? '',
        recall: m.recall,
        precision: m.precision,
        chars: posting.text.length,
      });
      expect(posting.title.length).toBeGreaterThan(0);
      expect(m.recall, `recall of ${entry.file}`).toBeGreaterThanOrEqual(MIN_RECALL);
      expect(m.precision, `precision of ${entry.file}`).toBeGreaterThanOrEqual(MIN_PRECISION);
    });
  }

  it('lever-api-1-leverdemo.json: every posting rendered into a jobs.lever.co page', () => {
    const postings = JSON.parse(readShared('pages', 'lever-api-1-leverdemo.json')) as LeverPosting[];
    expect(postings.length).toBe(28);
    let worstRecall = 1;
    let worstPrecision = 1;
    let captured = 0;
    for (const p of postings) {
      if (!leverExpectedText(p)) {
        // One demo posting has a title and nothing else: a page with no description holds nothing to extract.
        expect(() => captureHtml(renderLeverPage(p), p.hostedUrl)).toThrow(ExtractionError);
        continue;
      }
      captured++;
      const posting = captureHtml(renderLeverPage(p), p.hostedUrl);
      expect(posting).toMatchObject({ source: 'adapter', site: 'lever', title: p.text.trim(), company: 'Leverdemo' });
      const m = tokenRecallPrecision(posting.text, leverExpectedText(p));
      worstRecall = Math.min(worstRecall, m.recall);
      worstPrecision = Math.min(worstPrecision, m.precision);
      expect(m.recall, `recall of ${p.id}`).toBeGreaterThanOrEqual(MIN_RECALL);
      expect(m.precision, `precision of ${p.id}`).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(posting.text).not.toContain('Apply for this job');
    }
    expect(captured).toBe(27);
    rows.push({
      page: `lever-api-1-leverdemo.json (${captured} rendered, worst)`,
      source: 'adapter',
      site: 'lever',
      recall: worstRecall,
      precision: worstPrecision,
      chars: 0,
    });
  });

  it('the same pages served from an unknown host still reach the bar (no adapter: JSON-LD, Readability, largest block)', () => {
    for (const entry of pages) {
      const posting = captureHtml(readShared('pages', entry.file), 'https://careers.unknown-site.example/job/1');
      const m = tokenRecallPrecision(posting.text, entry.description_text);
      rows.push({
        page: `${entry.file} (unknown host)`,
        source: posting.source,
        site: '',
        recall: m.recall,
        precision: m.precision,
        chars: posting.text.length,
      });
      expect(posting.site).toBeUndefined();
      expect(m.recall, `recall of ${entry.file} without adapter (${posting.source})`).toBeGreaterThanOrEqual(
        MIN_RECALL,
      );
      expect(m.precision, `precision of ${entry.file} without adapter (${posting.source})`).toBeGreaterThanOrEqual(
        MIN_PRECISION,
      );
    }
  });

  it('search pages with the detail pane closed are lists, not postings', () => {
    const lists: [string, string, string][] = [
      ['indeed-1.html', 'https://www.indeed.com/q-frontend-l-egypt,-ar-jobs.html', '#jobsearch-ViewjobPaneWrapper'],
      ['linkedin-3-guest-search.html', 'https://www.linkedin.com/jobs/search', '.details-pane__content'],
    ];
    for (const [file, url, pane] of lists) {
      for (const at of [url, 'https://jobs.unknown-site.example/search']) {
        const doc = parseHtmlDocument(readShared('pages', file));
        for (const el of Array.from(doc.querySelectorAll(pane))) el.remove();
        let error: unknown;
        try {
          capturePosting(doc, { url: at });
        } catch (e) {
          error = e;
        }
        expect(error, `${file} at ${at}`).toBeInstanceOf(ExtractionError);
        expect((error as ExtractionError).code).toBe('no_posting');
      }
    }
  });

  it('loading the pages runs none of their scripts', () => {
    // linkedom never executes <script>; a page that would rewrite its body keeps its served text.
    const html = readShared('pages', 'seek-1.html').replace(
      '</body>',
      '<script>document.body.innerHTML = "REPLACED BY SCRIPT";</script></body>',
    );
    const doc = parseHtmlDocument(html);
    expect(doc.querySelector('[data-automation="jobAdDetails"]')).not.toBeNull();
    expect(captureHtml(html, 'https://au.seek.com/job/93856863').text).not.toContain('REPLACED BY SCRIPT');
  });
});
