// `job-entities extract --format csv|tsv` end to end: the built CLI against the OpenAI-compatible
// test server on 127.0.0.1, read back with papaparse as a spreadsheet would.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldAnswerer, readGoldJsonl, startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import { joinCell } from '../../src/core/export/rows';
import { fixturePath } from '../shared';
import { ensureCliBuilt, runCli } from './spawn-cli';

const POSTINGS = fixturePath('match', 'postings.jsonl');
const HEADER = ['Title', 'Company', 'Location', 'URL', 'Diploma', 'Major', 'Experience', 'Skills'];
let server: OpenAIServer;
let model: string[];

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startOpenAIServer({ answer: goldAnswerer(readGoldJsonl(fixturePath('match', 'gold.jsonl'))) });
  model = ['--base-url', server.url, '--model', 'ft:davinci-002:acme:jobs:m1'];
}, 120_000);

afterAll(async () => {
  await server?.close();
});

// The expected rows, in input order: the 4th input line is not JSON, so its row is empty.
// Entity cells are the display form (display.ts, tested there); repeats shown once.
const P1_SKILLS = joinCell(['java', 'c #', 'rest apis', 'kubernetes', 'sql', 'c #']);
const P2_SKILLS = joinCell(['reactjs', 'javascript', 'html5', 'css3', 'node.js']);
const ROWS = [
  HEADER,
  [
    'Backend Engineer',
    'Orbital Parcels',
    'Lyon, France',
    'https://jobs.example/backend-1',
    'BS; MS',
    'computer science',
    '3+ years',
    P1_SKILLS,
  ],
  [
    `'=HYPERLINK("http://evil.example","Apply")`,
    'Müller, "Web" & Söhne',
    'Zürich\nRemote',
    'https://jobs.example/frontend-2',
    '',
    '',
    'two years',
    P2_SKILLS,
  ],
  ['Line Cook', 'Bistro', 'Paris', 'https://jobs.example/kitchen-3', '', '', '', ''],
  ['', '', '', '', '', '', '', ''],
];

describe('job-entities extract --format csv|tsv', () => {
  it('writes CSV: a header then one row per input posting, in input order, formulas neutralised', async () => {
    const r = await runCli(['extract', '--format', 'csv', '--input', POSTINGS, '--concurrency', '3', ...model]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 of 4 records failed/);
    expect(r.stdout.startsWith('"Title","Company"')).toBe(true);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(r.stdout, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(ROWS);
  });

  it('adds the byte-order mark with --bom', async () => {
    const r = await runCli(['extract', '--format', 'csv', '--bom', '--input', POSTINGS, ...model]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF"Title"')).toBe(true);
    expect(Papa.parse<string[]>(r.stdout.slice(1), { skipEmptyLines: true }).data).toEqual(ROWS);
  });

  it('writes TSV that reads back the same', async () => {
    const r = await runCli(['extract', '--format', 'tsv', '--input', POSTINGS, ...model]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(HEADER.join('\t'));
    expect(Papa.parse<string[]>(r.stdout, { delimiter: '\t', skipEmptyLines: true }).data).toEqual(ROWS);
  });

  it('leaves the posting fields empty for plain text and keeps jsonl the default', async () => {
    const text = readGoldJsonl(fixturePath('match', 'gold.jsonl'))[0].prompt;
    const r = await runCli(['extract', '--format', 'tsv', ...model], { input: text });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${HEADER.join('\t')}\n\t\t\t\tBS; MS\tcomputer science\t3+ years\t${P1_SKILLS}\n`);
    expect(P1_SKILLS).toBe('Java; C#; REST APIs; Kubernetes; SQL');
    const jsonl = await runCli(['extract', ...model], { input: text });
    expect(jsonl.lines()[0].skills).toEqual(['java', 'c #', 'rest apis', 'kubernetes', 'sql', 'c #']);
  });

  it('refuses an unknown format', async () => {
    const r = await runCli(['extract', '--format', 'xlsx', ...model], { input: 'x' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format takes jsonl or csv or tsv/);
  });
});
