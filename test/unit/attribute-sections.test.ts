import { describe, expect, it } from 'vitest';
import { attributeSections, indexSections, sectionOf, sectionTokens } from '../../src/core/attribute-sections';
import type { ExtractionResult } from '../../src/core/entities';
import { extractPosting } from '../../src/core/extract';
import type { Section } from '../../src/core/sections';
import { SettingsSchema } from '../../src/core/settings';

const SECTIONS: Section[] = [
  {
    heading: 'About us',
    kind: 'company',
    text: 'We build Python tools for banks. Our stack: Kubernetes, JavaScript and Go.',
  },
  {
    heading: 'What you will do',
    kind: 'responsibilities',
    text: 'Run Kubernetes clusters.\nMaintain our CI/CD pipelines.',
  },
  {
    heading: 'Requirements',
    kind: 'requirements',
    text: '3+ years of Python (FastAPI), C# or C++.\nNode.js, .NET and PostgreSQL.',
  },
  { heading: 'Nice to have', kind: 'nice-to-have', text: 'Terraform; Java.' },
  { heading: 'Benefits', kind: 'benefits', text: '25 days PTO, dental, learning budget.' },
];

function result(partial: Partial<ExtractionResult>): ExtractionResult {
  return {
    diploma: [],
    diploma_major: [],
    experience: [],
    skills: [],
    meta: { provider: 'openai', model: 'm', finishReason: 'stop', warnings: [] },
    ...partial,
  };
}

describe('sectionTokens', () => {
  it('gives the token-spaced and the page form the same tokens', () => {
    for (const [a, b] of [
      ['c #', 'C#'],
      ['c + +', 'C++'],
      ['ci / cd', 'CI/CD'],
      ['node . js', 'Node.js'],
      ['3 + years', '3+ years'],
      ['. net', '.NET'],
    ]) {
      expect(sectionTokens(a)).toEqual(sectionTokens(b));
    }
    expect(sectionTokens('C#, C++ and C.')).toEqual(['c#', ',', 'c++', 'and', 'c', '.']);
  });
});

describe('sectionOf', () => {
  const index = indexSections(SECTIONS);

  it('finds the section a value was read in: the focused sections first, then any', () => {
    expect(sectionOf('python', index)).toBe('requirements');
    expect(sectionOf('kubernetes', index)).toBe('responsibilities');
    expect(sectionOf('terraform', index)).toBe('nice-to-have');
    expect(sectionOf('pto', index)).toBe('benefits');
    // Scope whole: where it first occurs on the page.
    expect(sectionOf('python', index, [])).toBe('company');
  });

  it('is token-aware and case-insensitive', () => {
    expect(sectionOf('ci / cd', index)).toBe('responsibilities');
    expect(sectionOf('c #', index)).toBe('requirements');
    expect(sectionOf('c + +', index)).toBe('requirements');
    expect(sectionOf('node . js', index)).toBe('requirements');
    expect(sectionOf('. net', index)).toBe('requirements');
    expect(sectionOf('3 + years', index)).toBe('requirements');
    expect(sectionOf('POSTGRESQL', index)).toBe('requirements');
    // Java is in the nice-to-have section, never inside "JavaScript" in the blurb.
    expect(sectionOf('java', index)).toBe('nice-to-have');
    expect(sectionOf('javascript', index)).toBe('company');
    // C is not in "C#" or "C++"; a value no section holds has none.
    expect(sectionOf('c', index)).toBeUndefined();
    expect(sectionOf('rust', index)).toBeUndefined();
    expect(sectionOf(' - ', index)).toBeUndefined();
  });
});

describe('attributeSections', () => {
  it('adds details with the section of each value when a provider gave none', () => {
    const r = attributeSections(
      result({ skills: ['python', 'c #', 'terraform', 'rust'], experience: ['3 + years'] }),
      SECTIONS,
    );
    expect(r.details?.skills).toEqual([
      { value: 'python', confidence: 1, section: 'requirements' },
      { value: 'c #', confidence: 1, section: 'requirements' },
      { value: 'terraform', confidence: 1, section: 'nice-to-have' },
      { value: 'rust', confidence: 1 },
    ]);
    expect(r.details?.experience).toEqual([{ value: '3 + years', confidence: 1, section: 'requirements' }]);
    expect(r.details?.diploma).toEqual([]);
  });

  it('keeps what the provider said (confidence, count, a section it knew) and fills only what is missing', () => {
    const given = result({
      skills: ['python', 'java'],
      details: {
        diploma: [],
        diploma_major: [],
        experience: [],
        skills: [
          { value: 'python', confidence: 0.8, count: 2 },
          { value: 'java', confidence: 0.7, section: 'requirements' },
        ],
      },
    });
    const r = attributeSections(given, SECTIONS);
    expect(r.details?.skills).toEqual([
      { value: 'python', confidence: 0.8, count: 2, section: 'requirements' },
      { value: 'java', confidence: 0.7, section: 'requirements' },
    ]);
    // The input is not changed.
    expect(given.details?.skills[0].section).toBeUndefined();
  });

  it('looks everywhere in scope whole', () => {
    const r = attributeSections(
      result({
        skills: ['python'],
        meta: { provider: 'local', model: 'm', finishReason: 'stop', warnings: [], scope: 'whole' },
      }),
      SECTIONS,
    );
    expect(r.details?.skills[0].section).toBe('company');
  });

  it('leaves a result alone when the posting has no sections', () => {
    const r = result({ skills: ['python'] });
    expect(attributeSections(r, undefined)).toBe(r);
    expect(attributeSections(r, [])).toBe(r);
  });
});

describe('extractPosting attributes every provider’s values to sections', () => {
  it.each(['focused', 'whole'] as const)(
    'gives the offline extractor’s values the section they came from (scope %s)',
    async (scope) => {
      const text = SECTIONS.map((s) => `${s.heading}\n${s.text}`).join('\n\n');
      const r = await extractPosting({ text, sections: SECTIONS }, SettingsSchema.parse({ provider: 'local', scope }));
      expect(r.details?.skills.map((d) => d.value)).toEqual(r.skills);
      const section = (value: string) => r.details?.skills.find((d) => d.value === value)?.section;
      expect(r.skills).toEqual(expect.arrayContaining(['c #', 'ci / cd', 'java']));
      expect(section('c #')).toBe('requirements');
      expect(section('ci / cd')).toBe('responsibilities');
      // Java, not the blurb's JavaScript.
      expect(section('java')).toBe('nice-to-have');
      expect(r.details?.experience.find((d) => d.value.startsWith('3'))?.section).toBe('requirements');
    },
  );
});
