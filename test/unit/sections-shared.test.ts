// Sections on the saved real pages in ../shared/pages: every page yields sections, and the focused
// text keeps what the job asks for while the company blurb, benefits, pay and legal text are left
// out. Only where ../shared exists; test/unit/sections.test.ts covers the same behaviour on the
// project's own fixtures everywhere. `npm run bench:sections` prints the per-page figures.
import { afterAll, describe, expect, it } from 'vitest';
import { captureHtml } from '../../src/cli/dom';
import { focusPosting } from '../../src/core/focus';
import { PostingSchema } from '../../src/core/posting';
import { HAS_SHARED, readShared } from '../shared';

interface PageEntry {
  file: string;
  url: string;
}

/** Per page: text the focused reading must keep (requirements), and text it must leave out. */
const EXPECTED: Record<string, { kept: string[]; dropped: string[] }> = {
  'linkedin-1.html': {
    kept: ['Ruby on Rails', 'Architecting, developing, and deploying new features'],
    dropped: ['At WorkRamp, we believe', 'Flex PTO'],
  },
  'linkedin-3-guest-search.html': {
    kept: ['Experience managing multiple calendars', "Bachelor's degree"],
    dropped: [],
  },
  'linkedin-5-guest-jobview.html': {
    kept: ['years experience in developer tooling', 'Experience with multi-cloud environments'],
    dropped: ['Healthcare needs a better rhythm', 'Flexible hybrid working environment', 'equitable, inclusive'],
  },
  'indeed-1.html': {
    kept: ['1+ years experience with PHP', 'Knowledge of Unix / Linux system administration'],
    dropped: ['Excellent Salary'],
  },
  'indeed-3-viewjob-jsonld.html': {
    kept: ['Extensive hands-on experience in at least one of the major cloud providers'],
    dropped: ['At PaperCut, we believe', 'Ghosting is for Halloween', 'Values-Driven Culture'],
  },
  'greenhouse-1-legacy-anthropic.html': {
    kept: ['years of software engineering experience', 'Kubernetes'],
    dropped: ['Anthropic’s mission is', 'compensation package consists of', 'public benefit corporation'],
  },
  'workday-2-autodesk-jsonld.html': {
    kept: ['8-10 years of working in the media', 'Bachelor’s degree'],
    dropped: ['starting base salary', 'proud to be an equal opportunity employer', 'Amazing things are created'],
  },
  'company-vercel-1.html': {
    kept: ['5+ years of experience in an application security role', 'Worked as a software engineer delivering code'],
    dropped: ['At Vercel, we believe', 'Competitive compensation and stock options', 'Unlimited PTO'],
  },
  'recruitee-hostaway-jsonld.html': {
    kept: ['Develop and execute a strategic account plan'],
    dropped: ['We offer competitive pay', 'market-leading SaaS'],
  },
  'seek-1.html': {
    kept: ['hands-on experience with agentic engineering', 'Designing and building the "harness"'],
    dropped: [],
  },
};

type Row = { page: string; sections: number; read: number; whole: number; focused: number; kinds: string };

describe.skipIf(!HAS_SHARED)('sections on the saved real pages (../shared/pages)', () => {
  const rows: Row[] = [];
  afterAll(() => {
    if (rows.length === 0) return;
    const header = `${'page'.padEnd(36)} ${'secs'.padStart(4)} ${'read'.padStart(4)} ${'whole'.padStart(6)} ${'focused'.padStart(7)}  kinds`;
    const body = rows.map(
      (r) =>
        `${r.page.padEnd(36)} ${String(r.sections).padStart(4)} ${String(r.read).padStart(4)} ${String(r.whole).padStart(6)} ${String(r.focused).padStart(7)}  ${r.kinds}`,
    );
    console.log(['', 'Sections and focused text on the saved pages:', header, ...body, ''].join('\n'));
  });

  const pages = HAS_SHARED ? (JSON.parse(readShared('pages', 'pages.json')) as PageEntry[]) : [];

  it('every saved page has its expectations here', () => {
    expect(pages.map((p) => p.file).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const entry of pages) {
    it(`${entry.file}: sections found, requirements kept, the rest left out`, () => {
      const posting = PostingSchema.parse(captureHtml(readShared('pages', entry.file), entry.url));
      const sections = posting.sections ?? [];
      expect(sections.length, 'sections').toBeGreaterThanOrEqual(3);
      expect(
        sections.some((s) => s.kind === 'requirements'),
        'a requirements section',
      ).toBe(true);
      const focused = focusPosting(posting, 'focused');
      expect(focused.read.total).toBe(sections.length);
      const flat = (s: string) => s.replace(/\s+/g, ' ');
      const expected = EXPECTED[entry.file] ?? { kept: [], dropped: [] };
      for (const k of expected.kept) expect(flat(focused.text), `kept: ${k}`).toContain(k);
      for (const d of expected.dropped) {
        expect(flat(posting.text), `the page has: ${d}`).toContain(d);
        expect(flat(focused.text), `left out: ${d}`).not.toContain(d);
      }
      expect(focused.text.length).toBeLessThanOrEqual(posting.text.length);
      rows.push({
        page: entry.file,
        sections: sections.length,
        read: focused.read.headings.length,
        whole: posting.text.length,
        focused: focused.text.length,
        kinds: [...new Set(sections.map((s) => s.kind))].join(' '),
      });
    });
  }
});
