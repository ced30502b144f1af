// "Copy all" and per-group "Copy": display forms, one type per line, each value once.
import { describe, expect, it } from 'vitest';
import { entitiesAsText, groupText } from '../../src/popup/entities-text';

describe('entities as clipboard text', () => {
  it('one line per non-empty type, labelled, display forms, repeats once', () => {
    const text = entitiesAsText({
      diploma: ['ba / bs / ms'],
      diploma_major: [],
      experience: ['2 + years', '2 + years'],
      skills: ['python', 'c #', 'objective - c', 'Python'],
    });
    expect(text).toBe('Diploma: BA/BS/MS\nExperience: 2+ years\nSkills: Python, C#, Objective-C');
  });
  it('an empty result copies nothing', () => {
    expect(entitiesAsText({ diploma: [], diploma_major: [], experience: [], skills: [] })).toBe('');
  });
  it('a group joins its display values with commas', () => {
    expect(groupText(['5 + years', '3 - 5 years'])).toBe('5+ years, 3-5 years');
  });
});
