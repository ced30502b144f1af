// The core's one-of-a-kind helpers that replaced copies spread over the shells.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { looksLikeHtml, looksLikeHtmlPage } from '../../src/core/capture/html-text';
import { CANCELLED_MESSAGE, ExtractionError, throwIfCancelled, toErrorInfo } from '../../src/core/errors';
import { sha256Hex } from '../../src/core/hash';
import { errorMessage, firstLine, pluralize } from '../../src/core/text';

describe('sha256Hex', () => {
  it("matches Node's SHA-256 of the UTF-8 bytes", async () => {
    for (const text of ['', 'Python and SQL', 'ünïcødé — 5+ years']) {
      expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('throwIfCancelled', () => {
  it('passes when there is no signal or it is not aborted', () => {
    expect(() => throwIfCancelled()).not.toThrow();
    expect(() => throwIfCancelled(new AbortController().signal)).not.toThrow();
  });

  it('throws the one cancelled error once aborted, and an AbortError reads the same', () => {
    const c = new AbortController();
    c.abort();
    let caught: unknown;
    try {
      throwIfCancelled(c.signal);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ExtractionError);
    expect(toErrorInfo(caught)).toEqual({ code: 'cancelled', message: CANCELLED_MESSAGE });
    expect(toErrorInfo(Object.assign(new Error('x'), { name: 'AbortError' }))).toEqual({
      code: 'cancelled',
      message: CANCELLED_MESSAGE,
    });
  });
});

describe('looksLikeHtml / looksLikeHtmlPage', () => {
  it('a fragment with tags is HTML; a page must open with a tag', () => {
    expect(looksLikeHtml('We need <b>Python</b>.')).toBe(true);
    expect(looksLikeHtmlPage('We need <b>Python</b>.')).toBe(false);
    expect(looksLikeHtmlPage('  <div><p>Python</p></div>')).toBe(true);
    expect(looksLikeHtmlPage('<!DOCTYPE html><title>x</title>')).toBe(true);
    expect(looksLikeHtmlPage('<article>Python</article>')).toBe(true);
    expect(looksLikeHtmlPage('<5 years> of Python')).toBe(false);
    expect(looksLikeHtml('plain text\nwith lines')).toBe(false);
  });
});

describe('firstLine / errorMessage / pluralize', () => {
  it('reads the first line of a message, whatever was thrown', () => {
    expect(firstLine('Unexpected token\n    at JSON.parse')).toBe('Unexpected token');
    expect(errorMessage(new Error('disk full'))).toBe('disk full');
    expect(errorMessage('a string')).toBe('a string');
    expect(firstLine(errorMessage(new SyntaxError('bad\nmore')))).toBe('bad');
  });

  it('counts with the right form of the word', () => {
    expect(pluralize(1, 'skill')).toBe('1 skill');
    expect(pluralize(0, 'skill')).toBe('0 skills');
    expect(pluralize(3, 'required skill')).toBe('3 required skills');
    expect(pluralize(2, 'entry', 'entries')).toBe('2 entries');
  });
});
