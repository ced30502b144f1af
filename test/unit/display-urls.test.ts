// The display form changes letter case of known words only outside addresses: `http` in a URL, or
// a known word inside an e-mail address, is left as written.
import { describe, expect, it } from 'vitest';
import { toDisplay } from '../../src/core/display';

describe('toDisplay leaves addresses alone', () => {
  it.each([
    ['see https://example.com/sql/api for details', 'https://example.com/sql/api'],
    ['apply at http://jobs.example/aws', 'http://jobs.example/aws'],
    ['www.sql.example/php', 'www.sql.example/php'],
    ['mail sql@aws.example', 'sql@aws.example'],
  ])('%s', (raw, address) => {
    expect(toDisplay(raw)).toContain(address);
  });
  it('still cases known words around them', () => {
    expect(toDisplay('sql and http://x.example/sql')).toMatch(/^SQL and http:\/\/x\.example\/sql$/);
  });
});
