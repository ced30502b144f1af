// Each shown value's section (src/core/value-sections.ts): required and nice-to-have skills apart.
import { describe, expect, it } from 'vitest';
import { extractPosting } from '../../src/core/extract';
import { defaultSettings } from '../../src/core/settings';
import { firstOccurrence, withSections } from '../../src/core/value-sections';

describe('firstOccurrence', () => {
  it('finds token-form values as whole words, case and token spacing ignored', () => {
    const text = 'Good Cobol skills. We use C# and 5+ years of Go.';
    expect(firstOccurrence(text, 'c #')).toBe(text.indexOf('C#'));
    expect(firstOccurrence(text, '5 + years')).toBe(text.indexOf('5+'));
    expect(firstOccurrence(text, 'go')).toBe(text.indexOf('Go.'));
    expect(firstOccurrence(text, 'rust')).toBe(-1);
  });
});

describe('withSections', () => {
  it('tags each value with the kind of the part it first occurs in', () => {
    const text = 'Requirements\nPython\nNice to have\nKafka';
    const parts = [
      { kind: 'requirements' as const, heading: 'Requirements', start: 0, end: 19 },
      { kind: 'nice-to-have' as const, heading: 'Nice to have', start: 20, end: text.length },
    ];
    const d = withSections({ diploma: [], diploma_major: [], experience: [], skills: [{ value: 'python', confidence: 0.9 }, { value: 'kafka', confidence: 0.8 }, { value: 'rust', confidence: 0.7 }] }, text, parts);
    expect(d.skills.map((x) => x.section)).toEqual(['requirements', 'nice-to-have', undefined]);
  });
});

describe('extractPosting (offline) fills details.section', () => {
  it('required and nice-to-have skills come apart', async () => {
    const text = 'About us\nWe are a friendly company.\nRequirements\n5+ years of experience with Python and PostgreSQL.\nNice to have\nExperience with Kafka and Terraform.\nBenefits\nDental and vision.';
    const r = await extractPosting({ text }, { ...defaultSettings(), provider: 'local' });
    const section = (v: string) => r.details?.skills.find((d) => d.value === v)?.section;
    expect(section('python')).toBe('requirements');
    expect(section('kafka')).toBe('nice-to-have');
    expect(r.details?.experience[0]).toMatchObject({ value: '5 + years', confidence: 1, section: 'requirements' });
  });
});
