// `job-entities capture` end to end: the built CLI, spawned as a user runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PostingSchema } from '../../src/core/posting';
import { fixturePath, PROJECT_DIR } from '../shared';

const BIN = join(PROJECT_DIR, 'bin', 'job-entities.js');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT_DIR, input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('job-entities capture', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build:cli'], { cwd: PROJECT_DIR, stdio: 'pipe' });
  }, 120_000);

  it('prints the captured posting as one JSON object', () => {
    const r = run([
      'capture',
      fixturePath('pages', 'greenhouse-legacy.html'),
      '--url',
      'https://boards.greenhouse.io/fjordline/jobs/4000001',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const posting = PostingSchema.parse(JSON.parse(r.stdout));
    expect(posting).toMatchObject({
      url: 'https://boards.greenhouse.io/fjordline/jobs/4000001',
      title: 'Geospatial Analyst',
      company: 'Fjordline Maps',
      location: 'Bergen, Norway',
      source: 'adapter',
      site: 'greenhouse',
    });
    expect(posting.text.split('\n')).toContain('Have 3+ years of experience with QGIS or ArcGIS');
    expect(Object.keys(JSON.parse(r.stdout))).toEqual([
      'url',
      'title',
      'company',
      'location',
      'text',
      'source',
      'site',
      'sections',
    ]);
    // The posting's structure next to its text: each section with its heading, kind and text.
    const requirements = posting.sections?.find((s) => s.kind === 'requirements');
    expect(requirements?.text).toContain('Have 3+ years of experience with QGIS or ArcGIS');
  });

  it('captures a fragment without <html>, a relative path and the JSON-LD of an unknown site', () => {
    const frag = run([
      'capture',
      'test/fixtures/pages/linkedin-logged-in-pane.html',
      '--url',
      'https://www.linkedin.com/jobs/view/5550001/',
    ]);
    expect(frag.code).toBe(0);
    expect(JSON.parse(frag.stdout)).toMatchObject({
      title: 'Site Reliability Engineer',
      company: 'Fernhill Software',
      source: 'adapter',
      site: 'linkedin',
    });
    const ld = run([
      'capture',
      fixturePath('pages', 'jsonld-graph.html'),
      '--url',
      'https://careers.quillfeather.example/jobs/data-engineer',
    ]);
    expect(ld.code).toBe(0);
    const posting = JSON.parse(ld.stdout);
    expect(posting).toMatchObject({ source: 'jsonld', company: 'Quillfeather Analytics' });
    expect('site' in posting).toBe(false);
  });

  it('reads the page from stdin with "-" and takes --selection', () => {
    const html = '<html><body><p>Nothing here</p></body></html>';
    const r = run(
      [
        'capture',
        '-',
        '--url',
        'https://example.com/job',
        '--selection',
        'Night nurse wanted: 2 years of ward experience and a BSc in Nursing.',
      ],
      html,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      source: 'selection',
      text: 'Night nurse wanted: 2 years of ward experience and a BSc in Nursing.',
    });
  });

  it('exits 1 with the one-line no-posting message on a captcha, a list and an empty page', () => {
    for (const file of ['captcha.html', 'job-list.html', 'empty.html']) {
      const r = run(['capture', fixturePath('pages', file), '--url', 'https://jobs.example.com/x']);
      expect(r.code, file).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'job-entities capture: No job posting found on this page. Open a single job posting (or select its text) and try again.\n',
      );
    }
  });

  it('exits 1 with a clear message when the file cannot be read, and no stack trace unless --debug', () => {
    const r = run(['capture', 'no-such-page.html', '--url', 'https://example.com/']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'job-entities capture: Cannot read no-such-page.html: no such file. Give the path of a saved HTML page.\n',
    );
    const debug = run(['capture', fixturePath('pages', 'empty.html'), '--url', 'https://example.com/', '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/at capturePosting/);
  });

  it('exits 2 on wrong usage', () => {
    const cases: [string[], RegExp][] = [
      [['capture'], /give the saved page/],
      [['capture', fixturePath('pages', 'seek.html')], /--url URL is required/],
      [['capture', fixturePath('pages', 'seek.html'), '--url', 'seek.com.au/job/1'], /full address/],
      [['capture', 'a.html', 'b.html', '--url', 'https://example.com/'], /one page at a time/],
      [['capture', 'a.html', '--url', 'https://example.com/', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Run `job-entities capture --help` for usage/);
    }
  });

  it('--help explains the command and exits 0; the command list names it', () => {
    const r = run(['capture', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: job-entities capture FILE\.html --url URL/);
    expect(r.stdout).toMatch(/--selection TEXT/);
    const all = run(['--help']);
    expect(all.stdout).toMatch(/capture\s+Capture the job posting in a saved HTML page/);
  });

  it('--version prints the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as { version: string };
    const r = run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });
});
