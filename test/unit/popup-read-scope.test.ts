// The popup's read line: what was read, in words.
import { describe, expect, it } from 'vitest';
import { readScopeText } from '../../src/popup/components/ReadScope';

describe('readScopeText', () => {
  it('names the sections read and how many the posting has', () => {
    expect(
      readScopeText({
        scope: 'focused',
        read: { headings: ['Requirements', 'Preferred', 'Responsibilities'], total: 7 },
      }),
    ).toBe('Read: Requirements, Preferred, Responsibilities (3 of 7 sections)');
  });
  it('a long list is cut after five headings', () => {
    const headings = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    expect(readScopeText({ scope: 'focused', read: { headings, total: 9 } })).toBe(
      'Read: A, B, C, D, E, … (7 of 9 sections)',
    );
  });
  it('the whole posting: asked for, or read whole for want of a requirements section', () => {
    expect(readScopeText({ scope: 'whole', read: { headings: ['A', 'B'], total: 2 } })).toBe(
      'Read: the whole posting (2 sections)',
    );
    expect(readScopeText({ scope: 'focused', read: { headings: ['About us'], total: 1 } })).toBe(
      'Read: the whole posting (1 section)',
    );
  });
  it('says nothing for a result without the information (older cached results)', () => {
    expect(readScopeText({})).toBeNull();
    expect(readScopeText({ scope: 'focused', read: { headings: [], total: 0 } })).toBeNull();
  });
});
