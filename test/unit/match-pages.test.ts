// The matching pipeline on whole postings, with the sections given: the offline extractor reads the
// page text, extraction attributes each value to its section, matching scores only what the job
// asks. The sections come from the fixture pages' own headings through a small map below, so this
// test covers attribution and scoring whatever the capture's section classifier decides; the CLI
// test (test/cli/match-pages.test.ts) runs the same pages through capture.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPosting } from '../../src/core/extract';
import { matchSkills, rankOrder } from '../../src/core/match/match';
import type { Section, SectionKind } from '../../src/core/sections';
import { SettingsSchema } from '../../src/core/settings';
import { fixturePath } from '../shared';

// The fixture pages' headings, as a reader would classify them.
const KINDS: [RegExp, SectionKind][] = [
  [/^(about|who we are)/i, 'company'],
  [/what you('ll| will) do|responsibilities|job duties|the role|job summary/i, 'responsibilities'],
  [/what you bring|qualifications|requirements|what we are looking for/i, 'requirements'],
  [/nice to have|preferred|bonus/i, 'nice-to-have'],
  [/offer|benefits|perks|pay/i, 'benefits'],
  [/equal|opportunity/i, 'legal'],
  [/hiring process|how to apply/i, 'process'],
];

function text(html: string): string {
  return html
    .replace(/<\/(li|p|h\d)>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s+/g, '\n')
    .trim();
}

/** The page's sections: one per h2/h3 or bold-paragraph heading, kind from KINDS. */
function sectionsOf(html: string): Section[] {
  const body = html.slice(html.indexOf('<body'), html.indexOf('</body>'));
  const parts = body.split(/<h[23][^>]*>|<p><strong>/);
  return parts.slice(1).map((part) => {
    const [head, ...rest] = part.split(/<\/h[23]>|<\/strong><\/p>/);
    const heading = text(head);
    const kind = KINDS.find(([re]) => re.test(heading))?.[1] ?? 'other';
    return { heading, kind, text: text(rest.join(' ')) };
  });
}

const PAGES = ['backend', 'nursing', 'accounting', 'frontend', 'truck-driver'];
const BACKEND = { skills: ['Python', 'FastAPI', 'Kubernetes', 'Docker', 'CI/CD', 'PostgreSQL', 'Redis', 'AWS'] };

describe('a backend profile against whole postings with sections', () => {
  // Scope whole reads the blurb too: its skills are attributed to it and left unscored.
  it.each(['focused', 'whole'] as const)(
    'scores several times higher on the backend posting, and ranks it first (scope %s)',
    async (scope) => {
      const settings = SettingsSchema.parse({ provider: 'local', scope });
      const scores: Record<string, number> = {};
      for (const id of PAGES) {
        const html = readFileSync(fixturePath('match-pages', `${id}.html`), 'utf8');
        const sections = sectionsOf(html);
        expect(
          sections.some((s) => s.kind === 'requirements'),
          id,
        ).toBe(true);
        const result = await extractPosting(
          { text: sections.map((s) => `${s.heading}\n${s.text}`).join('\n\n'), sections },
          settings,
        );
        const m = matchSkills(BACKEND, result);
        scores[id] = m.score;
        if (id === 'accounting') {
          // Cobalt's blurb names AWS, Kubernetes, Python and Go: the employer's stack, not the job's.
          expect(m.matched).toEqual([]);
          if (scope === 'whole') expect(m.ignored.join(' ').toLowerCase()).toMatch(/aws|kubernetes|python/);
        }
        if (id === 'backend') {
          expect(m.summary).toMatch(/^\d+ of \d+ required skills/);
          expect(m.required.matched).toBeGreaterThanOrEqual(6);
        }
      }
      for (const other of ['nursing', 'accounting', 'truck-driver'])
        expect(scores.backend, `${JSON.stringify(scores)}`).toBeGreaterThanOrEqual(3 * scores[other]);
      expect(PAGES[rankOrder(PAGES.map((id) => scores[id]))[0]]).toBe('backend');
    },
  );
});
