import { describe, expect, it } from 'vitest';
import { findOccurrences, occurrencePattern } from '../../src/core/occurrences';

const texts = (text: string, value: string) => findOccurrences(text, value).map((o) => text.slice(o.start, o.end));

describe('findOccurrences', () => {
  it('finds token-form values as pages write them, case-insensitively', () => {
    expect(texts('C# is a plus; c # too', 'c #')).toEqual(['C#', 'c #']);
    expect(texts('5+ years of experience', '5 + years')).toEqual(['5+ years']);
    expect(texts('We use Node.js and NODE.JS', 'node . js')).toEqual(['Node.js', 'NODE.JS']);
  });
  it('never matches inside a word', () => {
    expect(texts('Java and JavaScript', 'java')).toEqual(['Java']);
    expect(texts('Go, Google, go-to', 'go')).toEqual(['Go', 'go']);
    expect(texts('React, Reactive', 'react')).toEqual(['React']);
  });
  it('treats regular-expression characters literally and skips empty values', () => {
    expect(texts('C++ (and C)', 'c + +')).toEqual(['C++']);
    expect(texts('a.b', '(')).toEqual([]);
    expect(occurrencePattern('   ')).toBeUndefined();
  });
  it('returns non-overlapping occurrences in order', () => {
    expect(findOccurrences('sql, SQL; sql', 'sql').map((o) => o.start)).toEqual([0, 5, 10]);
  });
});
