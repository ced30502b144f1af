// The store packages' ZIP writer (scripts/zip.mjs): what it writes reads back, and the same files
// give the same bytes whatever their order or the machine's time zone. Also: every web-ext lint
// finding the packaging accepts is explained in README.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHROME_FIREFOX_ONLY_ERRORS, CHROME_WARNINGS, FIREFOX_WARNINGS } from '../../scripts/lint-expectations.mjs';
import { crc32, readZip, writeZip } from '../../scripts/zip.mjs';
import { PROJECT_DIR } from '../shared';

const WHEN = new Date(Date.UTC(2026, 10, 30, 21, 5, 42));
const files = [
  { name: 'manifest.json', data: Buffer.from('{"manifest_version":3}\n') },
  { name: 'assets/app.js', data: Buffer.from('console.log("x");\n'.repeat(200)) },
  { name: 'icons/icon-16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
  { name: 'src/popup/pop up é.html', data: Buffer.from('<!doctype html><p>é</p>') },
];

describe('writeZip', () => {
  it('reads back the same files, sorted by name', () => {
    const back = readZip(writeZip(files, WHEN));
    expect(back.map((e: { name: string }) => e.name)).toEqual([...files.map((f) => f.name)].sort());
    for (const f of files)
      expect(back.find((e: { name: string }) => e.name === f.name)?.data.equals(f.data)).toBe(true);
  });

  it('gives the same bytes for the same files in any order', () => {
    expect(writeZip(files, WHEN).equals(writeZip([...files].reverse(), WHEN))).toBe(true);
  });

  it("stamps every entry with the given time in UTC (not the machine's zone) and valid CRCs", () => {
    const zip = writeZip(files, WHEN);
    let p = 0;
    for (let i = 0; i < files.length; i++) {
      expect(zip.readUInt32LE(p)).toBe(0x04034b50);
      const time = zip.readUInt16LE(p + 10);
      const date = zip.readUInt16LE(p + 12);
      expect([time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([21, 5, 42]);
      expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2026, 11, 30]);
      const method = zip.readUInt16LE(p + 8);
      const size = zip.readUInt32LE(p + 18);
      const nameLen = zip.readUInt16LE(p + 26);
      const body = zip.subarray(p + 30 + nameLen, p + 30 + nameLen + size);
      const data = method === 8 ? inflateRawSync(body) : body;
      expect(zip.readUInt32LE(p + 14)).toBe(crc32(data));
      p += 30 + nameLen + size;
    }
  });

  it('computes the standard CRC-32', () => {
    // The check value of CRC-32 over "123456789".
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('web-ext lint findings the packaging accepts', () => {
  it('are each listed in README.md with a reason', () => {
    const readme = readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### web-ext lint'));
    for (const f of [...FIREFOX_WARNINGS, ...CHROME_WARNINGS, ...CHROME_FIREFOX_ONLY_ERRORS]) {
      expect(section, f.code).toContain(f.code);
      expect(f.why.length).toBeGreaterThan(20);
    }
  });
});
